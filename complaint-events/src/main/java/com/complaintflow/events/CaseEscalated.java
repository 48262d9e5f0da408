package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case went up the escalation ladder, with a new deadline when one was set.
 */
public record CaseEscalated(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, EscalationLevel level, String reason, MilestoneKind milestone,
		Instant newDeadline) implements CaseEvent {

	public CaseEscalated {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(level, "level");
		Required.field(reason, "reason");
	}

}
