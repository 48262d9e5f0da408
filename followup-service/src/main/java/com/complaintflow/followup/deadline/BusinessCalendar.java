package com.complaintflow.followup.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts only opening hours: the weekly hours of a time zone, minus holidays.
 */
public final class BusinessCalendar implements WorkingTime {

	/**
	 * Ten years: a window that finds no opening hours in that span is a configuration
	 * error.
	 */
	private static final int MAX_DAYS = 3660;

	private final ZoneId zone;

	private final Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);

	private final Set<LocalDate> holidays;

	public BusinessCalendar(CalendarSpec spec) {
		this.zone = spec.zone();
		spec.hours().forEach((day, range) -> {
			String[] parts = range.split("-");
			LocalTime open = LocalTime.parse(parts[0]);
			LocalTime close = LocalTime.parse(parts[1]);
			if (!close.isAfter(open)) {
				throw new IllegalArgumentException("Opening hours " + range + " on " + day + " close before they open");
			}
			this.hours.put(day, new LocalTime[] { open, close });
		});
		if (this.hours.isEmpty()) {
			throw new IllegalArgumentException("A business calendar needs opening hours on at least one day");
		}
		this.holidays = Set.copyOf(spec.holidays());
	}

	@Override
	public Instant plus(Instant start, Duration amount) {
		long remaining = amount.toMillis();
		ZonedDateTime cursor = start.atZone(this.zone);
		for (int day = 0; day < MAX_DAYS; day++) {
			LocalDate date = cursor.toLocalDate();
			LocalTime[] open = openHours(date);
			if (open != null) {
				ZonedDateTime opens = date.atTime(open[0]).atZone(this.zone);
				ZonedDateTime closes = date.atTime(open[1]).atZone(this.zone);
				ZonedDateTime from = cursor.isAfter(opens) ? cursor : opens;
				if (from.isBefore(closes)) {
					long available = Duration.between(from, closes).toMillis();
					if (remaining <= available) {
						return from.plus(Duration.ofMillis(remaining)).toInstant();
					}
					remaining -= available;
				}
			}
			cursor = date.plusDays(1).atStartOfDay(this.zone);
		}
		throw new IllegalStateException("No opening hours within " + MAX_DAYS + " days of " + start);
	}

	@Override
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		long counted = 0;
		ZonedDateTime end = to.atZone(this.zone);
		ZonedDateTime cursor = from.atZone(this.zone);
		while (!cursor.toLocalDate().isAfter(end.toLocalDate())) {
			LocalDate date = cursor.toLocalDate();
			LocalTime[] open = openHours(date);
			if (open != null) {
				ZonedDateTime opens = date.atTime(open[0]).atZone(this.zone);
				ZonedDateTime closes = date.atTime(open[1]).atZone(this.zone);
				ZonedDateTime lower = cursor.isAfter(opens) ? cursor : opens;
				ZonedDateTime upper = end.isBefore(closes) ? end : closes;
				if (upper.isAfter(lower)) {
					counted += Duration.between(lower, upper).toMillis();
				}
			}
			cursor = date.plusDays(1).atStartOfDay(this.zone);
		}
		return Duration.ofMillis(counted);
	}

	private LocalTime[] openHours(LocalDate date) {
		return this.holidays.contains(date) ? null : this.hours.get(date.getDayOfWeek());
	}

}
