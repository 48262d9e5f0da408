package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * How long to wait before a failed stream thread is replaced: one second after a failure
 * out of the blue (a fenced producer, say), doubling with each failure that follows
 * within {@link #QUIET} of the one before, up to {@link #LONGEST}. A failure that comes
 * back every time (a record of the application's own topics it can never process) then
 * costs one rebalance and one logged error a minute, not a tight loop of them.
 */
final class ThreadReplacementPause {

	static final Duration FIRST = Duration.ofSeconds(1);

	static final Duration LONGEST = Duration.ofMinutes(1);

	/** A failure this long after the one before starts again from {@link #FIRST}. */
	static final Duration QUIET = Duration.ofMinutes(10);

	private final InstantSource clock;

	private Instant lastFailure;

	private Duration pause = Duration.ZERO;

	ThreadReplacementPause(InstantSource clock) {
		this.clock = clock;
	}

	/** The pause before replacing the thread that just failed. */
	synchronized Duration next() {
		Instant now = this.clock.instant();
		boolean quietSince = this.lastFailure == null || !now.isBefore(this.lastFailure.plus(QUIET));
		this.pause = quietSince ? FIRST : min(this.pause.multipliedBy(2), LONGEST);
		this.lastFailure = now;
		return this.pause;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
