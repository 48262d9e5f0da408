package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff told the customer how the case is progressing.
 */
public record ProgressUpdated(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, String message,
		Instant nextUpdateDueAt) implements CaseEvent {

	public ProgressUpdated {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
	}

}
