package com.complaintflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One service's report of an erasure: how many documents it erased or scrubbed in each of
 * its collections ({@code complaintId} carries the erasure id, as in
 * {@link CustomerErased}).
 */
public record CustomerDataErased(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String erasureId, String service, Map<String, Long> erased) implements ComplaintEvent {

	public CustomerDataErased {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(erasureId, "erasureId");
		Required.field(service, "service");
		erased = (erased != null) ? Map.copyOf(erased) : Map.of();
	}

}
