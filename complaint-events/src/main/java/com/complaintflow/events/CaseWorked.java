package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member worked on a case without moving its lifecycle ({@link CaseWorkKind}): it
 * tells every console that the case changed. It carries ids and the kind only, never the
 * note, the reason or the customer's data. Not a {@link CaseEvent}: no status, milestone
 * or notice follows from it, so lifecycle consumers ignore it.
 */
public record CaseWorked(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, CaseWorkKind kind, String staffId) implements ComplaintEvent {

	public CaseWorked {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(kind, "kind");
		Required.field(staffId, "staffId");
	}

}
