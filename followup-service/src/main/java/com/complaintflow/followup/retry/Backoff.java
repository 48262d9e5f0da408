package com.complaintflow.followup.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with jitter, shared by the webhook deliveries (on-call
 * pages, customer notices): the wait doubles after each failure up to {@code max}, and
 * each wait is drawn between half and all of it so several instances do not retry a
 * recovering receiver in step.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration initial, Duration max) {

	/** The wait after {@code attempts} failures, before jitter. */
	public Duration after(int attempts) {
		Duration wait = this.initial;
		for (int i = 1; i < attempts && wait.compareTo(this.max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	/** The jittered wait after {@code attempts} failures. */
	public Duration jitteredAfter(int attempts) {
		return jittered(after(attempts));
	}

	/** A wait between half and all of {@code wait}. */
	public static Duration jittered(Duration wait) {
		long millis = wait.toMillis();
		return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
	}

}
