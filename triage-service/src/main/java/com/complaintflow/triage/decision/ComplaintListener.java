package com.complaintflow.triage.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Triages the complaints of one poll in order (a customer's later complaint sees the
 * earlier one), publishes the decisions without waiting for each acknowledgement, and
 * returns only when all were acknowledged, so the offsets commit after every effect is
 * durable. A record that fails is reported by index: the records before it commit, it is
 * retried or dead-lettered, the rest are redelivered (and answered from the store). Each
 * complaint is triaged in its own trace, taken from its record's {@code traceparent}.
 */
@Component
class ComplaintListener {

	private static final LogAccessor log = new LogAccessor(ComplaintListener.class);

	private final Triage triage;

	private final Duration sendTimeout;

	private final ComplaintTrace trace;

	ComplaintListener(Triage triage, EventPublisher publisher, ComplaintTrace trace) {
		this.triage = triage;
		this.sendTimeout = publisher.sendTimeout();
		this.trace = trace;
	}

	@KafkaListener(topics = Topics.RECEIVED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		List<CompletableFuture<?>> published = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				ConsumerRecord<String, Object> record = records.get(i);
				published.add(this.trace.resume(record, "triage", () -> this.triage.triage(complaint(record))));
			}
			catch (RuntimeException ex) {
				awaitAll(records, published);
				// by record, not index: a filter (re-drives for other groups) may have
				// shortened the batch
				throw new BatchListenerFailedException("Cannot triage: " + ex.getMessage(), ex, records.get(i));
			}
		}
		awaitAll(records, published);
	}

	private static ComplaintReceived complaint(ConsumerRecord<String, Object> record) {
		if (record.value() instanceof ComplaintReceived complaint) {
			return complaint;
		}
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		if (failure != null) {
			throw failure;
		}
		throw new IllegalArgumentException("not a complaint-received event: "
				+ ((record.value() != null) ? record.value().getClass().getSimpleName() : "null"));
	}

	private void awaitAll(List<ConsumerRecord<String, Object>> records, List<CompletableFuture<?>> published) {
		for (int i = 0; i < published.size(); i++) {
			try {
				published.get(i).get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BatchListenerFailedException("Interrupted while publishing", ex, records.get(i));
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new BatchListenerFailedException("Publishing the decision failed", ex, records.get(i));
			}
		}
	}

}
