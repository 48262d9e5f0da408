package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.ValueTier;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.MilestoneStatus;

/**
 * A case as the staff API shows it: state, owner, the customer's words and (for those
 * allowed) contact, triage's decision and explanation, checklist, notes, milestones with
 * their actual elapsed and paused time, and the timeline; {@code offerNumber} counts the
 * offers made (0 before the first), so a choice can name the offer it was made from.
 */
public record CaseView(String caseId, CaseKind kind, String complaintId, String customerId, CaseStatus status,
		Instant waitingSince, Channel channel, String regionCode, ValueTier customerTier, Category category,
		Priority priority, Playbook playbook, String queue, OwnerView owner, Language language,
		CasePersonal.Contact customer, boolean contactHidden, ComplaintWords complaint, TriageFacts triage,
		Instant nextDueAt, MilestoneKind nextDueMilestone, String incidentId, String incidentCaseId,
		List<String> memberCaseIds, Instant openedAt, Instant updatedAt, List<RemedyOption> remedies,
		List<RemedyOption> offeredRemedies, int offerNumber, RemedyOption chosenRemedy, String resolution,
		Integer satisfaction, Outcome outcome, int escalations, List<ChecklistStep> checklist, List<CaseNote> notes,
		List<MilestoneView> milestones, List<TimelineEntry> timeline) {

	/**
	 * The view of one case without the customer's contact (what every reader without
	 * AGENT or SUPERVISOR sees).
	 */
	public static CaseView of(FollowupCase c, MilestoneClock clock, Instant now) {
		return of(c, clock, now, false);
	}

	/**
	 * The view of a case.
	 * @param withContact whether the caller may see the customer's contact (the caller
	 * audits the read: use {@link CaseViews#render})
	 */
	static CaseView of(FollowupCase c, MilestoneClock clock, Instant now, boolean withContact) {
		return of(c, clock, now, withContact, true);
	}

	/**
	 * A case as a list shows it: without the contact, the customer's words (nor triage's
	 * signals, which can quote them), the staff notes and the timeline, whose entries
	 * carry what staff wrote (a contact's note, a transfer's or escalation's reason): a
	 * list of hundreds of cases is no way to read them, and is not audited.
	 */
	static CaseView listed(FollowupCase c, MilestoneClock clock, Instant now) {
		return of(c, clock, now, false, false);
	}

	private static CaseView of(FollowupCase c, MilestoneClock clock, Instant now, boolean withContact,
			boolean withWords) {
		CasePersonal personal = withWords ? c.getPersonal() : null;
		return new CaseView(c.getId(), c.getKind(), c.getComplaintId(), c.getCustomerId(), c.getStatus(),
				c.getWaitingSince(), c.getChannel(), c.getRegionCode(), c.getCustomerTier(), c.getCategory(),
				c.getPriority(), c.getPlaybook(), c.getQueue(), OwnerView.of(c), c.getLanguage(),
				(withContact && personal != null) ? personal.contact() : null, !withContact,
				(personal != null) ? personal.words() : null,
				(withWords || c.getTriage() == null) ? c.getTriage() : c.getTriage().withoutSignals(), c.getNextDueAt(),
				c.getNextDueMilestone(), c.getIncidentId(), c.getIncidentCaseId(), c.getMemberCaseIds(),
				c.getOpenedAt(), c.getUpdatedAt(), c.getTriageRemedies(), c.getOfferedRemedies(), c.getOffers(),
				c.getChosenRemedy(), c.getResolution(), c.getSatisfaction(), c.getOutcome(), c.getEscalations(),
				c.getChecklist(), withWords ? c.getNotes() : null,
				c.getMilestones().stream().map((m) -> MilestoneView.of(m, clock, now)).toList(),
				withWords ? c.getTimeline() : null);
	}

	/**
	 * Who owns a case: a team (its queue) and, once claimed or assigned, an agent.
	 *
	 * @param team the owning team
	 * @param agent the owning agent, null while the case waits in the team's queue
	 * @param since since when
	 * @param escalatedTo the escalation level of the team that has the case (set by an
	 * escalation, or by staff giving it to the supervisors' or experts' team), or null
	 */
	public record OwnerView(String team, String agent, Instant since, EscalationLevel escalatedTo) {

		static OwnerView of(FollowupCase c) {
			return new OwnerView(c.getQueue(), c.getAssignee(), c.getOwnedSince(), c.getEscalatedTo());
		}

	}

	/**
	 * One milestone: its deadline, whether it was met or breached, and its actual elapsed
	 * (counted) and paused time in milliseconds.
	 */
	public record MilestoneView(String milestoneId, MilestoneKind kind, int seq, MilestoneStatus status, String clock,
			Instant startedAt, Instant dueAt, long windowMs, long elapsedMs, long pausedMs, Instant metAt,
			Instant breachedAt, boolean breached, Instant nextReminderAt) {

		public static MilestoneView of(Milestone m, MilestoneClock clock, Instant now) {
			return new MilestoneView(m.getId(), m.getKind(), m.getSeq(), m.getStatus(),
					(m.getCalendar() != null) ? "BUSINESS:" + m.getCalendar() : "CALENDAR", m.getStartedAt(),
					m.getDueAt(), m.getWindowMs(), clock.elapsedMs(m, now), clock.pausedMs(m, now), m.getMetAt(),
					m.getBreachedAt(), m.getBreachedAt() != null, m.getNextReminderAt());
		}

	}

}
