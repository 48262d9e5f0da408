package com.complaintflow.intake.submission;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How intake takes complaints in.
 *
 * @param maxBodySize the largest accepted request body (413 above it)
 * @param idempotencyRetention how long an Idempotency-Key is remembered (at least 24
 * hours)
 * @param staleAfter a PENDING idempotency record older than this is taken over: a
 * concurrent retry re-publishes it, and the relay re-publishes it when nobody asks
 * @param retryAfter the Retry-After sent with 503 answers
 * @param relayInterval how often the relay looks for stale PENDING records (also once at
 * start-up); a retried request republishes at once, so only channels that never retry
 * wait for it
 * @param cleanupInterval how often expired idempotency records are deleted
 * @param sentMarkInterval how often the SENT marks of the published records are written
 * (one write for all of them, on a thread of their own); below the stale age, so the
 * relay never takes over a record only waiting for its mark (and the relay skips a record
 * whose mark its instance has queued)
 */
@Validated
@ConfigurationProperties("complaintflow.intake.submission")
record SubmissionSettings(@DefaultValue("64KB") @NotNull DataSize maxBodySize,
		@DefaultValue("24h") @DurationMin(hours = 24) Duration idempotencyRetention,
		@DefaultValue("5s") @DurationMin(millis = 500) Duration staleAfter,
		@DefaultValue("2s") @DurationMin(seconds = 1) Duration retryAfter,
		@DefaultValue("30s") @DurationMin(millis = 100) Duration relayInterval,
		@DefaultValue("10m") @DurationMin(seconds = 1) Duration cleanupInterval,
		@DefaultValue("100ms") @DurationMin(millis = 10) Duration sentMarkInterval) {

}
