package com.complaintflow.followup.oncall;

import com.complaintflow.followup.cases.CaseStatus;
import com.complaintflow.followup.cases.CaseStore;

import org.springframework.stereotype.Component;

/**
 * Whether the breach an alert pages for is still open: its case is not closed and a
 * milestone of its kind is breached and neither met nor cancelled. One {@code _id} read.
 */
@Component
class BreachCheck {

	private final CaseStore cases;

	BreachCheck(CaseStore cases) {
		this.cases = cases;
	}

	boolean isOpen(OnCallAlert alert) {
		return this.cases.findById(alert.getCaseId())
			.filter((c) -> c.getStatus() != CaseStatus.CLOSED)
			.map((c) -> c.getMilestones()
				.stream()
				.anyMatch((m) -> m.getKind() == alert.getMilestone() && m.isActive() && m.getBreachedAt() != null))
			.orElse(false);
	}

}
