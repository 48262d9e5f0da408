package com.complaintflow.followup.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import com.complaintflow.events.MilestoneKind;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.cases.CaseView.MilestoneView;
import com.complaintflow.followup.deadline.MilestoneStatus;

/**
 * One case in a console queue with the deadline it must meet next: the earliest open
 * milestone, how long is left (negative once breached) and whether it breached.
 *
 * @param view the case
 * @param next the milestone due next; null when no clock runs (resolved, waiting)
 * @param left time left until its deadline, negative past it; null without one
 */
public record QueueItem(CaseView view, MilestoneView next, Duration left) {

	/** Soonest breach first; cases without a running clock last, oldest first. */
	static final Comparator<QueueItem> BY_TIME_TO_BREACH = Comparator.comparing((QueueItem item) -> item.next() == null)
		.thenComparing((item) -> (item.next() != null) ? item.next().dueAt() : item.view().openedAt());

	static QueueItem of(CaseView view, Instant now) {
		MilestoneView next = view.milestones()
			.stream()
			.filter((m) -> m.status() == MilestoneStatus.OPEN && m.dueAt() != null)
			.min(Comparator.comparing(MilestoneView::dueAt))
			.orElse(null);
		return new QueueItem(view, next, (next != null) ? Duration.between(now, next.dueAt()) : null);
	}

	public boolean breached() {
		return (this.left != null && this.left.isNegative())
				|| this.view.milestones().stream().anyMatch((m) -> m.breached() && m.status() == MilestoneStatus.OPEN);
	}

	public MilestoneKind nextKind() {
		return (this.next != null) ? this.next.kind() : null;
	}

	/** The time left in hours and minutes, e.g. {@code 23h 59m} or {@code -0h 05m}. */
	public String leftText() {
		if (this.left == null) {
			return "";
		}
		Duration abs = this.left.abs();
		return (this.left.isNegative() ? "-" : "") + abs.toHours() + "h " + String.format("%02d", abs.toMinutesPart())
				+ "m";
	}

}
