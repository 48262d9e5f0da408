package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff contacted the customer; this meets the first-response or engineer-contact
 * milestone.
 */
public record CustomerContacted(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, List<MilestoneKind> milestonesMet) implements CaseEvent {

	public CustomerContacted {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		milestonesMet = Required.listOrEmpty(milestonesMet);
	}

}
