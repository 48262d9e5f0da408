package com.complaintflow.triage.decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Topics;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Triages the complaints of one poll as a batch: one read per collection, the complaints
 * decided in order in memory (a customer's later complaint sees the earlier one), one
 * bulk write per collection, one flush of the decisions and incident events, and only
 * then the offsets. A record that cannot be triaged is reported by itself after the
 * records before it were made durable: they commit, it is retried or dead-lettered alone,
 * the rest are redelivered (and answered from the store). A failure of a write or a send
 * is reported on the first record not yet durable, so an outage is retried without end.
 * Each complaint is decided, and its decision sent, in its own trace: its record's
 * {@code traceparent} (the container observes single records only).
 */
@Component
class ComplaintListener {

	private final Triage triage;

	private final EventPublisher publisher;

	private final ComplaintTrace trace;

	ComplaintListener(Triage triage, EventPublisher publisher, ComplaintTrace trace) {
		this.triage = triage;
		this.publisher = publisher;
		this.trace = trace;
	}

	@KafkaListener(topics = Topics.RECEIVED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		List<ComplaintReceived> complaints = new ArrayList<>(records.size());
		RuntimeException failure = null;
		for (ConsumerRecord<String, Object> record : records) {
			try {
				complaints.add(BatchRecords.event(record, ComplaintReceived.class));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		List<ComplaintTriaged> decisions = new ArrayList<>(complaints.size());
		if (!complaints.isEmpty()) {
			TriageBatch batch = durably(records, () -> this.triage.begin(complaints));
			for (int i = 0; i < complaints.size(); i++) {
				ComplaintReceived complaint = complaints.get(i);
				try {
					decisions
						.add(this.trace.resume(records.get(i), "triage", () -> this.triage.triage(complaint, batch)));
				}
				catch (RuntimeException ex) {
					failure = ex;
					break;
				}
			}
			List<IncidentDetected> incidents = durably(records, batch::write);
			publish(records, incidents, decisions);
		}
		if (failure != null) {
			// by record, not index: a filter (re-drives for other groups) may have
			// shortened the batch
			throw new BatchListenerFailedException("Cannot triage: " + failure.getMessage(), failure,
					records.get(decisions.size()));
		}
	}

	/** Runs a read or write of the whole batch; its failure is the first record's. */
	private static <T> T durably(List<ConsumerRecord<String, Object>> records, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (RuntimeException ex) {
			throw new BatchListenerFailedException("Reading or writing the batch failed", ex, records.get(0));
		}
	}

	/**
	 * Publishes the incident events, then the decisions of the first records (one each,
	 * in the records' order), with one flush; a decision not acknowledged is its record's
	 * failure, an incident event the first record's.
	 */
	private void publish(List<ConsumerRecord<String, Object>> records, List<IncidentDetected> incidents,
			List<ComplaintTriaged> decisions) {
		List<ComplaintEvent> events = new ArrayList<>(incidents.size() + decisions.size());
		List<String> traces = new ArrayList<>(incidents.size() + decisions.size());
		events.addAll(incidents);
		traces.addAll(Collections.nCopies(incidents.size(), (String) null));
		events.addAll(decisions);
		for (int i = 0; i < decisions.size(); i++) {
			traces.add(ComplaintTrace.traceparent(records.get(i)));
		}
		try {
			this.publisher.publishAllAndWait(events, traces);
		}
		catch (PublishFailedException ex) {
			throw new BatchListenerFailedException("Publishing the decisions failed", ex,
					records.get(Math.max(0, ex.index() - incidents.size())));
		}
	}

}
