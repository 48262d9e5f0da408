package com.complaintflow.analytics.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hour and day buckets in UTC, the grain of every rollup.
 */
public final class Hours {

	private Hours() {
	}

	/** The start of the hour an instant falls in. */
	public static Instant hourOf(Instant instant) {
		return instant.truncatedTo(ChronoUnit.HOURS);
	}

	/** The start of the UTC day an instant falls in. */
	public static Instant dayOf(Instant instant) {
		return instant.truncatedTo(ChronoUnit.DAYS);
	}

	/** The start of the next hour, or the instant itself when it starts an hour. */
	public static Instant ceilHour(Instant instant) {
		Instant hour = hourOf(instant);
		return hour.equals(instant) ? hour : hour.plus(1, ChronoUnit.HOURS);
	}

}
