package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder for a milestone: a warning before the deadline, a breach at it, or an
 * escalation after it.
 */
public record ReminderRaised(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, MilestoneKind milestone, ReminderKind kind, EscalationLevel level,
		Instant dueAt, String queue, Priority priority) implements ComplaintEvent {

	public ReminderRaised {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(milestone, "milestone");
		Required.field(kind, "kind");
		Required.field(level, "level");
		Required.field(dueAt, "dueAt");
		Required.field(queue, "queue");
		Required.field(priority, "priority");
	}

}
