package com.complaintflow.followup.timer;

import java.time.Clock;
import java.time.Duration;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Builds a timer index outside Spring, for tests of the classes that walk it. */
public final class TimerIndexes {

	private TimerIndexes() {
	}

	/** A timer index with the default lookahead (1 s) and bucket grace (10 s). */
	public static TimerIndex create(MongoTemplate mongo, Clock clock) {
		return new TimerIndex(mongo, clock, Duration.ofSeconds(1), Duration.ofSeconds(10));
	}

}
