package com.complaintflow.support.erasure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerDataErased;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Topics;
import com.complaintflow.support.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * A service's side of an erasure: on {@code customer-erased} it records the erasure
 * ({@link ErasedCustomers}: the customer's earlier events are skipped from then on), runs
 * its erasers in order ({@link CustomerErasure}) and publishes what it erased where as
 * {@code customer-data-erased} (event id derived from the erasure and the service, so a
 * redelivery republishes the same report); reports go to the service's
 * {@link ErasureReports}, if it has one. The offset commits after the erasure and the
 * report are durable.
 */
public class ErasureListener {

	private static final Logger logger = LoggerFactory.getLogger(ErasureListener.class);

	private final String service;

	private final CustomerErasure erasure;

	private final List<ErasureReports> reports;

	private final EventPublisher publisher;

	public ErasureListener(String service, CustomerErasure erasure, List<ErasureReports> reports,
			EventPublisher publisher) {
		this.service = service;
		this.erasure = erasure;
		this.reports = List.copyOf(reports);
		this.publisher = publisher;
	}

	@KafkaListener(topics = Topics.ERASURES, concurrency = "1")
	void on(ComplaintEvent event) {
		if (event instanceof CustomerErased request) {
			// the marker first: from then on the customer's earlier events still in a
			// topic are skipped
			Map<String, Long> erased = this.erasure.erase(request.customerId(), request.occurredAt());
			this.publisher.publishAndWait(
					new CustomerDataErased(
							EventMetadata.deterministicEventId("customer-data-erased", request.erasureId(),
									this.service),
							this.service, Instant.now().truncatedTo(ChronoUnit.MILLIS), request.complaintId(),
							request.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, request.erasureId(),
							this.service, erased));
			logger.info("Erasure {}: erased {}", request.erasureId(), erased);
		}
		else if (event instanceof CustomerDataErased report) {
			this.reports.forEach((sink) -> sink.record(report));
		}
	}

}
