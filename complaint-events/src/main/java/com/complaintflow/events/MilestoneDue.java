package com.complaintflow.events;

import java.time.Instant;

/**
 * A milestone of a case and the instant it is due.
 */
public record MilestoneDue(MilestoneKind kind, Instant dueAt) {

	public MilestoneDue {
		Required.field(kind, "milestone.kind");
		Required.field(dueAt, "milestone.dueAt");
	}

}
