package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An outage: many network or emergency complaints from one region in a short window;
 * republished with a higher revision as members join.
 */
public record IncidentDetected(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String incidentId, String regionCode, Category category, List<String> memberComplaintIds,
		int memberCount, int revision, Instant firstSeenAt, Instant lastSeenAt) implements ComplaintEvent {

	public IncidentDetected {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(incidentId, "incidentId");
		Required.field(regionCode, "regionCode");
		Required.field(category, "category");
		memberComplaintIds = Required.list(memberComplaintIds, "memberComplaintIds");
		Required.field(firstSeenAt, "firstSeenAt");
		Required.field(lastSeenAt, "lastSeenAt");
	}

}
