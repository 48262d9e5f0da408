package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case was closed with its retention outcome and the actuals of every milestone it had.
 * {@code milestones} was added in schema version 1 and is empty when the producer did not
 * send it.
 */
public record CaseClosed(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, Outcome outcome,
		List<MilestoneActual> milestones) implements CaseEvent {

	public CaseClosed {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(outcome, "outcome");
		milestones = Required.listOrEmpty(milestones);
	}

	/** A closed case without milestone actuals. */
	public CaseClosed(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
			int schemaVersion, String caseId, String staffId, Outcome outcome) {
		this(eventId, source, occurredAt, complaintId, customerId, schemaVersion, caseId, staffId, outcome, List.of());
	}

}
