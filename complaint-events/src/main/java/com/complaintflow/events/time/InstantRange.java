package com.complaintflow.events.time;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * The instants the product accepts from outside: a four-digit year, from
 * 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z (ISO 8601's ordinary range),
 * within which a MongoDB date and every day or hour added or taken in the code are safe.
 */
public final class InstantRange {

	/** The earliest accepted instant. */
	public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

	/** The latest accepted instant. */
	public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/** What is wrong with an instant out of the range, for error messages. */
	public static final String OUT_OF_RANGE = "out of range: an instant must have a four-digit year, from " + MIN
			+ " to " + MAX;

	private InstantRange() {
	}

	/**
	 * Whether an instant is within the range.
	 * @param instant the instant
	 * @return true when it is accepted
	 */
	public static boolean contains(Instant instant) {
		return !instant.isBefore(MIN) && !instant.isAfter(MAX);
	}

	/**
	 * The instant, when it is within the range.
	 * @param instant the instant, or null
	 * @return the instant
	 * @throws DateTimeException when it is out of the range
	 */
	public static Instant check(Instant instant) {
		if (instant != null && !contains(instant)) {
			throw new DateTimeException(OUT_OF_RANGE);
		}
		return instant;
	}

}
