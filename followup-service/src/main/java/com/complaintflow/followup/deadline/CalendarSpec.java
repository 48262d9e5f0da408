package com.complaintflow.followup.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A business calendar as configured: its time zone, opening hours per weekday
 * ({@code "09:00-18:00"}; a missing day is closed) and holidays.
 *
 * @param zone the time zone the hours are read in
 * @param hours opening hours per day of the week
 * @param holidays closed dates
 */
public record CalendarSpec(@NotNull ZoneId zone,
		Map<DayOfWeek, @Pattern(regexp = "\\d\\d:\\d\\d-\\d\\d:\\d\\d") String> hours, List<LocalDate> holidays) {

	public CalendarSpec {
		hours = (hours != null) ? Map.copyOf(hours) : Map.of();
		holidays = (holidays != null) ? List.copyOf(holidays) : List.of();
	}

	/**
	 * Whether the listed holidays end before the given day: the next year's are missing
	 * (a calendar that lists none never runs out).
	 */
	public boolean holidaysEndBefore(LocalDate day) {
		return !this.holidays.isEmpty() && this.holidays.stream().allMatch((holiday) -> holiday.isBefore(day));
	}

}
