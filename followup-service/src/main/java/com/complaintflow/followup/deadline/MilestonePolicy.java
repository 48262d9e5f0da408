package com.complaintflow.followup.deadline;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

/**
 * How one kind of milestone is timed: its clock, its default window, and when reminders
 * fire, as fractions of the window (warnings before it, escalations after it).
 *
 * @param clock calendar time or business hours
 * @param calendar the business calendar's name, for business hours
 * @param window the window when triage sets no deadline (or always, for business hours)
 * @param warnAt fractions of the window at which a WARNING is raised (default 0.5, 0.8)
 * @param escalateAt fractions of the window at which the case escalates to a supervisor,
 * then to the expert team (default 1.25, 1.5)
 */
public record MilestonePolicy(ClockKind clock, String calendar, @NotNull Duration window, List<Double> warnAt,
		List<Double> escalateAt) {

	public MilestonePolicy {
		clock = (clock != null) ? clock : ClockKind.CALENDAR;
		warnAt = (warnAt != null) ? List.copyOf(warnAt) : List.of(0.5, 0.8);
		escalateAt = (escalateAt != null) ? List.copyOf(escalateAt) : List.of(1.25, 1.5);
		if (warnAt.stream().anyMatch((fraction) -> fraction <= 0 || fraction >= 1)) {
			throw new IllegalArgumentException("warnAt fractions must lie between 0 and 1, were " + warnAt);
		}
		if (escalateAt.size() > 2 || escalateAt.stream().anyMatch((fraction) -> fraction < 1)) {
			throw new IllegalArgumentException(
					"escalateAt holds at most two fractions of 1 or more (supervisor, expert team), were "
							+ escalateAt);
		}
		if (clock == ClockKind.BUSINESS && (calendar == null || calendar.isBlank())) {
			throw new IllegalArgumentException("A business-hours policy names its calendar");
		}
	}

}
