package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An outage in a region with its member complaints; the revision grows as members join.
 * Its events carry the first member's complaint and customer, so every revision has the
 * same Kafka key and consumers read them in order.
 */
@Document("incidents")
record Incident(@Id String id, String regionCode, Category category, List<String> members, int memberCount,
		int revision, Instant firstSeenAt, Instant lastSeenAt, String firstComplaintId, String firstCustomerId) {
}
