package com.complaintflow.support.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Topic layout and delivery settings shared by every service.
 *
 * @param partitions partitions of every topic and its dead-letter topic
 * @param replicationFactor replicas of every topic (1 on a laptop, 3 in production)
 * @param sendTimeout how long a synchronous publish waits for the broker's
 * acknowledgement
 * @param retryAttempts retries of a failing record before it is dead-lettered (at least
 * one: with none, the error handler would dead-letter every record at once, a database
 * outage's too, without asking which failures to retry)
 * @param retryInitialInterval first retry delay, doubled up to {@code retryMaxInterval}
 * @param retryMaxInterval longest retry delay
 * @param transientRetryMaxInterval longest delay between the unlimited retries of a
 * failure of the infrastructure (MongoDB or the broker unavailable)
 */
@Validated
@ConfigurationProperties("complaintflow.kafka")
public record KafkaTopicSettings(@DefaultValue("6") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicationFactor, @DefaultValue("2s") Duration sendTimeout,
		@DefaultValue("4") @Min(1) int retryAttempts, @DefaultValue("200ms") Duration retryInitialInterval,
		@DefaultValue("2s") Duration retryMaxInterval, @DefaultValue("15s") Duration transientRetryMaxInterval) {

	/**
	 * The replicas that must have a record before the broker acknowledges it to a
	 * producer with {@code acks=all}, as a topic config: two when there are at least two
	 * replicas (the broker's default, one, acknowledges a record only its leader has,
	 * which a lost leader disk loses after the 202), else one.
	 */
	public String minInSyncReplicas() {
		return String.valueOf(Math.min(2, this.replicationFactor));
	}

}
