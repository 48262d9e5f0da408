package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events to their topic, keyed by customer id so one customer's events stay in
 * order on one partition.
 */
public class EventPublisher {

	private final KafkaTemplate<Object, Object> template;

	private final Duration sendTimeout;

	public EventPublisher(KafkaTemplate<Object, Object> template, Duration sendTimeout) {
		this.template = template;
		this.sendTimeout = sendTimeout;
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
		CompletableFuture<SendResult<Object, Object>> future;
		try {
			future = publish(event);
		}
		catch (RuntimeException ex) {
			throw new PublishFailedException(event, ex);
		}
		try {
			future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishFailedException(event, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PublishFailedException(event, ex);
		}
	}

	/** The send timeout this publisher waits by default. */
	public Duration sendTimeout() {
		return this.sendTimeout;
	}

}
