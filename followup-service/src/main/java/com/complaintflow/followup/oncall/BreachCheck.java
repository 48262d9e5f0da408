package com.complaintflow.followup.oncall;

import com.complaintflow.followup.cases.CaseStatus;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.deadline.Milestone;

import org.springframework.stereotype.Component;

/**
 * Whether the breach an alert pages for is still open: its case is not closed and its
 * milestone is neither met nor cancelled. One {@code _id} read.
 */
@Component
class BreachCheck {

	private final CaseStore cases;

	BreachCheck(CaseStore cases) {
		this.cases = cases;
	}

	/**
	 * Whether the alert's breach is open. Its milestone need not show the breach yet: the
	 * alert is kept before the reminder is published and the rung recorded after the
	 * broker's acknowledgement, and a delivery in between must page, not resolve. An
	 * alert kept before alerts named their milestone is open while a milestone of its
	 * kind is breached and active.
	 */
	boolean isOpen(OnCallAlert alert) {
		return this.cases.findById(alert.getCaseId())
			.filter((c) -> c.getStatus() != CaseStatus.CLOSED)
			.map((c) -> (alert.getMilestoneId() != null) ? active(c.milestone(alert.getMilestoneId()))
					: c.getMilestones()
						.stream()
						.anyMatch((m) -> m.getKind() == alert.getMilestone() && m.isActive()
								&& m.getBreachedAt() != null))
			.orElse(false);
	}

	private static boolean active(Milestone milestone) {
		return milestone != null && milestone.isActive();
	}

}
