package com.complaintflow.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer answered: the paused milestone clocks run again from {@code resumedAt},
 * and the deadlines of the moved milestones are later by the pause.
 */
public record CaseResumed(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, String caseId, String staffId, Instant resumedAt, Duration pausedFor,
		List<MilestoneDue> movedMilestones) implements CaseEvent {

	public CaseResumed {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(staffId, "staffId");
		Required.field(resumedAt, "resumedAt");
		Required.field(pausedFor, "pausedFor");
		if (pausedFor.isNegative()) {
			throw new IllegalArgumentException("pausedFor must not be negative, was " + pausedFor);
		}
		movedMilestones = Required.listOrEmpty(movedMilestones);
	}

}
