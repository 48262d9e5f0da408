package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff offered the customer remedy options to choose from.
 */
public record RemedyOffered(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, List<RemedyOption> remedies,
		boolean approvedBySupervisor) implements CaseEvent {

	public RemedyOffered {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		remedies = Required.list(remedies, "remedies");
	}

}
