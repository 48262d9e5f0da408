package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case was opened for a triaged complaint, with its milestones.
 */
public record CaseOpened(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, Channel channel, String regionCode, Category category, Priority priority,
		Playbook playbook, String queue, String incidentId, List<MilestoneDue> milestones) implements CaseEvent {

	public CaseOpened {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(channel, "channel");
		Required.field(regionCode, "regionCode");
		Required.field(category, "category");
		Required.field(priority, "priority");
		Required.field(playbook, "playbook");
		Required.field(queue, "queue");
		milestones = Required.list(milestones, "milestones");
	}

}
