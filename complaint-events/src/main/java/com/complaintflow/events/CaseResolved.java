package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The problem is fixed; a callback is now due.
 */
public record CaseResolved(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, String resolution,
		Instant callbackDueAt) implements CaseEvent {

	public CaseResolved {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(callbackDueAt, "callbackDueAt");
	}

}
