package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The case waits on the customer: every running milestone clock paused at
 * {@code pausedAt}.
 */
public record CaseWaitingOnCustomer(UUID eventId, String source, Instant occurredAt, String complaintId,
		String customerId, int schemaVersion, String caseId, String staffId, String reason, Instant pausedAt,
		List<MilestoneKind> pausedMilestones) implements CaseEvent {

	public CaseWaitingOnCustomer {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(pausedAt, "pausedAt");
		pausedMilestones = Required.listOrEmpty(pausedMilestones);
	}

}
