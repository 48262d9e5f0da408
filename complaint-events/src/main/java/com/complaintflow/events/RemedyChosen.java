package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer chose a remedy.
 */
public record RemedyChosen(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, RemedyOption remedy) implements CaseEvent {

	public RemedyChosen {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(remedy, "remedy");
	}

}
