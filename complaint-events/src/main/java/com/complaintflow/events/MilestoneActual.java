package com.complaintflow.events;

import java.time.Instant;

/**
 * What a milestone of a case actually took: its clock time counted (business time under a
 * business-hours clock), the wall time it was paused, and when it was met or breached.
 *
 * @param kind the milestone kind
 * @param seq its sequence number (recurring and repeated milestones count up)
 * @param dueAt its last deadline, moved by every pause
 * @param elapsedMs the clock time counted, in milliseconds
 * @param pausedMs the wall time paused, in milliseconds
 * @param metAt when the promise was kept, or null when it was cancelled instead
 * @param breachedAt when its deadline passed unmet (the breach reminder), or null
 */
public record MilestoneActual(MilestoneKind kind, int seq, Instant dueAt, long elapsedMs, long pausedMs, Instant metAt,
		Instant breachedAt) {

	public MilestoneActual {
		Required.field(kind, "milestone.kind");
		Required.field(dueAt, "milestone.dueAt");
		if (seq < 1 || elapsedMs < 0 || pausedMs < 0) {
			throw new IllegalArgumentException("milestone seq must be 1 or more and times not negative");
		}
	}

	/** Whether it was met after its deadline or breached before being met. */
	public boolean breached() {
		return this.breachedAt != null || (this.metAt != null && this.metAt.isAfter(this.dueAt));
	}

}
