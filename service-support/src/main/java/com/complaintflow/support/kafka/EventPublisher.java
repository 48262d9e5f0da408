package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import com.complaintflow.support.tracing.ComplaintTrace;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events to their topic, keyed by customer id so one customer's events stay in
 * order on one partition. Each record carries the {@code traceparent} of the current
 * trace, or of the trace given for it in a batch.
 */
public class EventPublisher {

	private final KafkaTemplate<Object, Object> template;

	private final Duration sendTimeout;

	private final ComplaintTrace trace;

	public EventPublisher(KafkaTemplate<Object, Object> template, Duration sendTimeout, ComplaintTrace trace) {
		this.template = template;
		this.sendTimeout = sendTimeout;
		this.trace = trace;
	}

	/**
	 * Sends without waiting; the future completes when the broker acknowledged
	 * (acks=all).
	 */
	public CompletableFuture<SendResult<Object, Object>> publish(ComplaintEvent event) {
		return this.template.send(EventType.of(event).topic(), event.customerId(), event);
	}

	/**
	 * Sends and waits for the broker's acknowledgement, at most the configured send
	 * timeout.
	 * @param event the event
	 * @throws PublishFailedException when the broker did not acknowledge in time
	 */
	public void publishAndWait(ComplaintEvent event) {
		publishAndWait(event, this.sendTimeout);
	}

	/**
	 * Sends and waits for the broker's acknowledgement.
	 * @param event the event
	 * @param timeout how long to wait
	 * @throws PublishFailedException when the broker did not acknowledge in time
	 */
	public void publishAndWait(ComplaintEvent event, Duration timeout) {
		await(List.of(event), List.of(send(event, 0)), timeout);
	}

	/**
	 * Sends every event, flushes the producer and waits until the broker acknowledged all
	 * of them, at most the configured send timeout for the whole list: the one way a
	 * batch of effects is made durable before its offsets commit.
	 * @param events the events, in the order a failure is reported
	 * @throws PublishFailedException for the first event (in list order) not
	 * acknowledged; every event before it was acknowledged.
	 * {@link PublishFailedException#isTransient()} tells an outage from a record the
	 * broker rejects
	 */
	public void publishAllAndWait(List<? extends ComplaintEvent> events) {
		publishAllAndWait(events, List.of());
	}

	/**
	 * Like {@link #publishAllAndWait(List)}, each event sent in its own complaint's trace
	 * (a batch listener's records each belong to another).
	 * @param events the events, in the order a failure is reported
	 * @param traceParents the W3C trace context of the event at the same index; an index
	 * past the list's end or a null entry: the current trace
	 * @throws PublishFailedException for the first event (in list order) not acknowledged
	 */
	public void publishAllAndWait(List<? extends ComplaintEvent> events, List<String> traceParents) {
		if (events.isEmpty()) {
			return;
		}
		List<CompletableFuture<?>> futures = new ArrayList<>(events.size());
		for (int i = 0; i < events.size(); i++) {
			ComplaintEvent event = events.get(i);
			int index = i;
			String traceParent = (i < traceParents.size()) ? traceParents.get(i) : null;
			try {
				futures.add(this.trace.resume(traceParent, "publish", () -> send(event, index)));
			}
			catch (PublishFailedException ex) {
				// refused before it was sent (it could not be serialised, the producer is
				// closing): the events before it are only buffered, and the caller takes
				// them as acknowledged, so they are waited for first
				this.template.flush();
				await(events, futures, this.sendTimeout);
				throw ex;
			}
		}
		this.template.flush();
		await(events, futures, this.sendTimeout);
	}

	private CompletableFuture<?> send(ComplaintEvent event, int index) {
		try {
			return publish(event);
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException(event, index, ex);
		}
	}

	private static void await(List<? extends ComplaintEvent> events, List<CompletableFuture<?>> futures,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (int i = 0; i < futures.size(); i++) {
			try {
				futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PublishFailedException(events.get(i), i, ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new PublishFailedException(events.get(i), i, ex);
			}
		}
	}

	/** The send timeout this publisher waits by default. */
	public Duration sendTimeout() {
		return this.sendTimeout;
	}

}
