package com.complaintflow.followup.deadline;

/**
 * How a milestone's window is counted: every hour of the calendar, or only the opening
 * hours of a business calendar.
 */
public enum ClockKind {

	CALENDAR, BUSINESS

}
