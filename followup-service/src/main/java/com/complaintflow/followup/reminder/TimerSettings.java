package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the durable timers are polled and claimed.
 *
 * @param enabled whether this instance fires reminders at all
 * @param pollInterval how often MongoDB is asked for due timers
 * @param lookahead timers due within this time are claimed ahead and fired from memory at
 * their instant
 * @param lease how long a claim lasts; a killed instance's claims are taken over after it
 * @param batchSize at most this many cases claimed per poll
 * @param instanceId this instance's name in leases (random when not set)
 * @param fireThreads how many batches of claimed cases are fired in parallel (each waits
 * for broker and database round trips)
 * @param bucketGrace how long after its second a bucket of the timer index stays open: it
 * must exceed the longest time between indexing a case and saving it, plus the clock skew
 * between instances
 * @param idlePollInterval after a poll that found no timer due within the lookahead (nor
 * within this interval after it), how long the next poll waits at most: timers this
 * instance writes wake it earlier, those another instance writes are seen within this
 * interval
 */
@Validated
@ConfigurationProperties("complaintflow.followup.timers")
public record TimerSettings(Boolean enabled, @NotNull Duration pollInterval, @NotNull Duration lookahead,
		@NotNull Duration lease, @Min(1) int batchSize, String instanceId, Integer fireThreads, Duration bucketGrace,
		Duration idlePollInterval) {

	public TimerSettings {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		fireThreads = (fireThreads != null && fireThreads > 0) ? fireThreads : 8;
		bucketGrace = (bucketGrace != null && !bucketGrace.isNegative() && !bucketGrace.isZero()) ? bucketGrace
				: Duration.ofSeconds(10);
		idlePollInterval = (idlePollInterval != null && idlePollInterval.compareTo(pollInterval) > 0) ? idlePollInterval
				: pollInterval;
		instanceId = (instanceId != null && !instanceId.isBlank()) ? instanceId
				: "followup-" + UUID.randomUUID().toString().substring(0, 8);
		if (lease.compareTo(lookahead.plus(pollInterval)) <= 0) {
			throw new IllegalArgumentException(
					"The lease (" + lease + ") must last longer than lookahead plus poll interval");
		}
	}

}
