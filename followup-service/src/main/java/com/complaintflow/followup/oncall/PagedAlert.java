package com.complaintflow.followup.oncall;

import java.time.Instant;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;

/**
 * What paged on-call and why, as the console's on-call view shows it: the case, the
 * milestone and its deadline, the rung, where delivery stands and who acknowledged it.
 *
 * @param id the alert id (the reminder's event id)
 * @param caseId the case
 * @param milestone the milestone that breached or escalated
 * @param kind BREACH or ESCALATION
 * @param level the rung of the escalation ladder
 * @param queue the case's work queue
 * @param priority the case's priority
 * @param dueAt the milestone's deadline
 * @param raisedAt when it was raised
 * @param delivery where delivery stands (PENDING, FIRING, RESOLVING, DELIVERED)
 * @param lastError the last delivery failure, if any
 * @param acknowledgedBy who acknowledged it; null while nobody has
 * @param acknowledgedAt when
 */
public record PagedAlert(String id, String caseId, MilestoneKind milestone, ReminderKind kind, EscalationLevel level,
		String queue, Priority priority, Instant dueAt, Instant raisedAt, String delivery, String lastError,
		String acknowledgedBy, Instant acknowledgedAt) {

	public boolean acknowledged() {
		return this.acknowledgedBy != null;
	}

}
