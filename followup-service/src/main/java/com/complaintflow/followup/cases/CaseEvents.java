package com.complaintflow.followup.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.CaseWorkKind;
import com.complaintflow.events.CaseWorked;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.ReminderStep;

/**
 * The one factory of the events a case publishes: each gets the same envelope (the given
 * id, source {@code followup}, the instant, the complaint, the customer, the schema
 * version and the case id), so no caller repeats it.
 *
 * @param c the case
 * @param now when the events happen
 */
public record CaseEvents(FollowupCase c, Instant now) {

	/** The source of every event this service publishes. */
	public static final String SOURCE = "followup";

	private static final int VERSION = ComplaintEvent.CURRENT_SCHEMA_VERSION;

	public static CaseEvents of(FollowupCase c, Instant now) {
		return new CaseEvents(c, now);
	}

	CaseOpened opened(UUID id) {
		List<MilestoneDue> due = this.c.getMilestones()
			.stream()
			.map((milestone) -> new MilestoneDue(milestone.getKind(), milestone.getDueAt()))
			.toList();
		return new CaseOpened(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), this.c.getChannel(),
				this.c.getRegionCode(), this.c.getCategory(), this.c.getPriority(), this.c.getPlaybook(),
				this.c.getQueue(), this.c.getIncidentId(), due);
	}

	CustomerContacted contacted(UUID id, String staffId, List<MilestoneKind> met) {
		return new CustomerContacted(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId,
				met);
	}

	ProgressUpdated progress(UUID id, String staffId, String message, Instant nextUpdateDueAt) {
		return new ProgressUpdated(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId,
				message, nextUpdateDueAt);
	}

	CaseWaitingOnCustomer waiting(UUID id, String staffId, String reason, List<MilestoneKind> paused) {
		return new CaseWaitingOnCustomer(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId,
				reason, this.now, paused);
	}

	CaseResumed resumed(UUID id, String staffId, Duration pausedFor, List<MilestoneDue> moved) {
		return new CaseResumed(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId, this.now,
				pausedFor, moved);
	}

	RemedyOffered offered(UUID id, String staffId, List<RemedyOption> options, boolean approvedBySupervisor) {
		return new RemedyOffered(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId, options,
				approvedBySupervisor);
	}

	RemedyChosen chosen(UUID id, String staffId, RemedyOption chosen) {
		return new RemedyChosen(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId, chosen);
	}

	CaseResolved resolved(UUID id, String staffId, String resolution, Instant callbackDueAt) {
		return new CaseResolved(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId,
				resolution, callbackDueAt);
	}

	CallbackCompleted calledBack(UUID id, String staffId, int satisfaction, boolean problemResolved) {
		return new CallbackCompleted(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId,
				satisfaction, problemResolved);
	}

	/** The case was escalated; {@code newDeadline} is null for a timer-driven rung. */
	public CaseEscalated escalated(UUID id, EscalationLevel level, String reason, MilestoneKind milestone,
			Instant newDeadline) {
		return new CaseEscalated(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), level, reason,
				milestone, newDeadline);
	}

	CaseClosed closed(UUID id, String staffId, Outcome outcome) {
		return new CaseClosed(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), staffId, outcome,
				MilestoneActuals.of(this.c.getMilestones()));
	}

	/** Staff work that moves no lifecycle: ids and the kind only, for the consoles. */
	CaseWorked worked(UUID id, CaseWorkKind kind, String staffId) {
		return new CaseWorked(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(), kind, staffId);
	}

	/** A rung of a milestone's reminder ladder. */
	public ReminderRaised reminder(UUID id, Milestone milestone, ReminderStep step) {
		return new ReminderRaised(id, SOURCE, this.now, complaintId(), customerId(), VERSION, caseId(),
				milestone.getKind(), step.kind(), step.level(), milestone.getDueAt(), this.c.getQueue(),
				this.c.getPriority());
	}

	private String caseId() {
		return this.c.getId();
	}

	private String complaintId() {
		return this.c.getComplaintId();
	}

	private String customerId() {
		return this.c.getCustomerId();
	}

}
