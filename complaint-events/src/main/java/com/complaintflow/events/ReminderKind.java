package com.complaintflow.events;

/**
 * What a reminder says about a milestone: its deadline is near, has passed, or has been
 * escalated.
 */
public enum ReminderKind {

	WARNING, BREACH, ESCALATION

}
