package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The period lengths of the rollups (UTC): hours, days and months.
 */
public enum Grain {

	HOUR("H"), DAY("D"), MONTH("M");

	private final String prefix;

	Grain(String prefix) {
		this.prefix = prefix;
	}

	/** The document id of one period. */
	String id(Instant period) {
		return this.prefix + "|" + period;
	}

	/** The grain whose document ids start with the prefix. */
	static Grain ofPrefix(String prefix) {
		for (Grain grain : values()) {
			if (grain.prefix.equals(prefix)) {
				return grain;
			}
		}
		throw new IllegalArgumentException("no grain " + prefix);
	}

	/** The start of the next period. */
	Instant next(Instant period) {
		return switch (this) {
			case HOUR -> period.plus(1, ChronoUnit.HOURS);
			case DAY -> period.plus(1, ChronoUnit.DAYS);
			case MONTH -> ZonedDateTime.ofInstant(period, ZoneOffset.UTC).plusMonths(1).toInstant();
		};
	}

	/** The start of the period an instant falls in. */
	Instant startOf(Instant instant) {
		return switch (this) {
			case HOUR -> instant.truncatedTo(ChronoUnit.HOURS);
			case DAY -> instant.truncatedTo(ChronoUnit.DAYS);
			case MONTH -> ZonedDateTime.ofInstant(instant, ZoneOffset.UTC)
				.truncatedTo(ChronoUnit.DAYS)
				.withDayOfMonth(1)
				.toInstant();
		};
	}

	/**
	 * Whether a whole period of this grain starts at {@code at} and ends by {@code end}.
	 */
	boolean fits(Instant at, Instant end) {
		return startOf(at).equals(at) && !next(at).isAfter(end);
	}

}
