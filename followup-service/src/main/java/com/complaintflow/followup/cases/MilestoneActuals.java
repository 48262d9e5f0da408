package com.complaintflow.followup.cases;

import java.util.List;

import com.complaintflow.events.MilestoneActual;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneStatus;

/**
 * The actuals of a closed case's milestones, as published on {@code case-closed}: clock
 * time counted, time paused, met (only when kept, not when cancelled) and breached.
 */
final class MilestoneActuals {

	private MilestoneActuals() {
	}

	/** The actuals of milestones whose clocks are stopped (met or cancelled). */
	static List<MilestoneActual> of(List<Milestone> milestones) {
		return milestones.stream()
			.filter((m) -> !m.isActive() && m.getDueAt() != null)
			.map((m) -> new MilestoneActual(m.getKind(), m.getSeq(), m.getDueAt(), m.getConsumedMs(), m.getPausedMs(),
					(m.getStatus() == MilestoneStatus.MET) ? m.getMetAt() : null, m.getBreachedAt()))
			.toList();
	}

}
