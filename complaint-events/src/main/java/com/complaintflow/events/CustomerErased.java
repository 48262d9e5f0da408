package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * OPERATIONS asked to erase a customer's personal data (PIPL art. 47, GDPR art. 17):
 * every service erases its part on reading it. An erasure concerns no complaint, so
 * {@code complaintId} carries the erasure id.
 */
public record CustomerErased(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String erasureId, String requestedBy) implements ComplaintEvent {

	public CustomerErased {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(erasureId, "erasureId");
		Required.field(requestedBy, "requestedBy");
	}

}
