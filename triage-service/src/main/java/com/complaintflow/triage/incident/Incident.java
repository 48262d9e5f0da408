package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outage in a region; the revision grows as members join. The document stays bounded
 * however large the outage: every member is in {@code incident_members}
 * ({@link IncidentMember}), the incident keeps only the first members (the ones its event
 * lists) and the most recent joiners (which make a retried join count once), each at most
 * {@link IncidentMembers#MAX_LISTED}. Its events carry the first member's complaint and
 * customer, so every revision has the same Kafka key and consumers read them in order.
 *
 * @param members the first members, in joining order (at most MAX_LISTED)
 * @param recent the most recent joiners (at most MAX_LISTED)
 * @param memberCount every member, exact
 */
@Document("incidents")
record Incident(@Id String id, String regionCode, Category category, List<String> members, List<String> recent,
		int memberCount, int revision, Instant firstSeenAt, Instant lastSeenAt, String firstComplaintId,
		String firstCustomerId) {
}
