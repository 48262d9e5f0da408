package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was closed with its retention outcome.
 */
public record CaseClosed(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, Outcome outcome) implements CaseEvent {

	public CaseClosed {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(outcome, "outcome");
	}

}
