package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff called the customer back after resolution and recorded satisfaction from 1 to 5.
 */
public record CallbackCompleted(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, int satisfaction,
		boolean problemResolved) implements CaseEvent {

	public CallbackCompleted {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		if (satisfaction < 1 || satisfaction > 5) {
			throw new IllegalArgumentException("satisfaction must be 1 to 5, was " + satisfaction);
		}
	}

}
