package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.policy.RemedyPolicy;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.MilestoneStatus;
import com.complaintflow.support.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The lifecycle actions on a case. The case aggregate guards and makes each transition;
 * this class moves the milestone clocks with it and names the lifecycle events, which
 * {@link CaseChanges} saves with the case in one write under the action's idempotency
 * key, so a retry changes nothing and republishes the same event ids. Refusals are domain
 * exceptions ({@link CaseException}).
 */
@Component
public class CaseActions {

	private static final Logger logger = LoggerFactory.getLogger(CaseActions.class);

	private static final Set<MilestoneKind> CONTACT = EnumSet.of(MilestoneKind.FIRST_RESPONSE,
			MilestoneKind.ENGINEER_CONTACT);

	private static final Set<MilestoneKind> ANSWERED = EnumSet.of(MilestoneKind.FIRST_RESPONSE,
			MilestoneKind.ENGINEER_CONTACT, MilestoneKind.PROMISED_ANSWER, MilestoneKind.ESCALATED_RESOLUTION);

	private final CaseChanges changes;

	private final MilestoneClock milestones;

	private final OwnershipSettings ownership;

	CaseActions(CaseChanges changes, MilestoneClock milestones, OwnershipSettings ownership) {
		this.changes = changes;
		this.milestones = milestones;
		this.ownership = ownership;
	}

	/**
	 * Records a contact with the customer (with the staff member's note, if any, in the
	 * timeline); meets the first-response and engineer-contact milestones.
	 */
	public FollowupCase contact(String caseId, Actor actor, String key, String note) {
		return this.changes.apply(caseId, CaseAction.CONTACT, key, (c, now, ids) -> {
			List<MilestoneKind> met = meet(c, CONTACT, now);
			c.contacted();
			c.record(now, "CONTACTED", actor.staffId(),
					"Customer contacted; met " + met + ((note != null && !note.isBlank()) ? ": " + note.strip() : ""));
			return List.of(CaseEvents.of(c, now).contacted(ids.id("contacted"), actor.staffId(), met));
		});
	}

	/**
	 * Posts a progress update; meets the current progress milestone and starts the next.
	 */
	public FollowupCase progress(String caseId, Actor actor, String key, String message) {
		return this.changes.apply(caseId, CaseAction.PROGRESS, key, (c, now, ids) -> {
			Milestone next = restartProgress(c, now);
			c.record(now, "PROGRESS_UPDATED", actor.staffId(), "Progress update sent");
			return List.of(CaseEvents.of(c, now)
				.progress(ids.id("progress"), actor.staffId(), message,
						(next.getStatus() == MilestoneStatus.OPEN) ? next.getDueAt() : null));
		});
	}

	/**
	 * The case waits on the customer: every running milestone clock pauses; publishes
	 * {@code CaseWaitingOnCustomer} with the paused milestones.
	 */
	public FollowupCase waitOnCustomer(String caseId, Actor actor, String key, String reason) {
		return this.changes.apply(caseId, CaseAction.WAIT_ON_CUSTOMER, key, (c, now, ids) -> {
			c.startWaiting(now);
			List<MilestoneKind> paused = c.getMilestones()
				.stream()
				.filter((m) -> this.milestones.pause(m, now))
				.map(Milestone::getKind)
				.toList();
			c.record(now, "WAITING_ON_CUSTOMER", actor.staffId(),
					"Clocks paused" + ((reason != null) ? ": " + reason : ""));
			return List.of(CaseEvents.of(c, now).waiting(ids.id("waiting"), actor.staffId(), reason, paused));
		});
	}

	/**
	 * The customer answered: paused clocks resume and deadlines move by the pause;
	 * publishes {@code CaseResumed} with the pause and the moved deadlines.
	 */
	public FollowupCase resume(String caseId, Actor actor, String key) {
		return this.changes.apply(caseId, CaseAction.RESUME, key, (c, now, ids) -> {
			Duration pausedFor = c.stopWaiting(now);
			List<MilestoneDue> moved = c.getMilestones()
				.stream()
				.filter((m) -> this.milestones.resume(m, now))
				.map((m) -> new MilestoneDue(m.getKind(), m.getDueAt()))
				.toList();
			c.record(now, "RESUMED", actor.staffId(), "Clocks resumed after " + pausedFor);
			return List.of(CaseEvents.of(c, now).resumed(ids.id("resumed"), actor.staffId(), pausedFor, moved));
		});
	}

	/**
	 * Offers remedies: the triage options when none are given, else custom ones. The one
	 * {@link RemedyPolicy} decides: an agent may offer up to the tier's credit limit or
	 * what triage proposed for the case, a supervisor up to the tier's cap, nobody above.
	 */
	public FollowupCase offer(String caseId, Actor actor, String key, List<RemedyOption> custom) {
		return this.changes.apply(caseId, CaseAction.OFFER_REMEDIES, key, (c, now, ids) -> {
			List<RemedyOption> options = (custom == null || custom.isEmpty()) ? c.getTriageRemedies() : custom;
			if (options.isEmpty()) {
				throw new InvalidActionException("Triage proposed no remedy for this case; send the options to offer.");
			}
			if (options == custom) {
				requireAmounts(custom);
			}
			BigDecimal cap = RemedyPolicy.limits(c.getCustomerTier()).brokenPromiseLimit();
			if (options.stream().anyMatch((o) -> o.amount() != null && o.amount().compareTo(cap) > 0)) {
				throw new RemedyRefusedException("No remedy above " + cap + " may be offered to a "
						+ c.getCustomerTier() + " customer, not even by a supervisor.", false);
			}
			BigDecimal limit = RemedyPolicy.agentLimit(c.getCustomerTier(),
					c.getTriageRemedies().stream().map(RemedyOption::amount).toList());
			boolean aboveLimit = options.stream()
				.anyMatch((o) -> o.amount() != null && o.amount().compareTo(limit) > 0);
			if (aboveLimit && !actor.supervisor()) {
				throw new RemedyRefusedException("A remedy above " + limit + " for a " + c.getCustomerTier()
						+ " customer can only be offered by a supervisor.", true);
			}
			c.offer(options);
			c.record(now, "REMEDIES_OFFERED", actor.staffId(),
					options.size() + " option(s) offered" + (aboveLimit ? ", approved above the tier limit" : ""));
			return List.of(CaseEvents.of(c, now).offered(ids.id("offered"), actor.staffId(), options, aboveLimit));
		});
	}

	/**
	 * Records the option the customer chose, by its position in the offer (0-based); when
	 * the offer is named (its number), a choice made from an offer that was replaced
	 * since is refused rather than taken for another remedy at the same position.
	 */
	public FollowupCase choose(String caseId, Actor actor, String key, int option, Integer offer) {
		return this.changes.apply(caseId, CaseAction.CHOOSE_REMEDY, key, (c, now, ids) -> {
			RemedyOption chosen = c.choose(option, offer);
			c.record(now, "REMEDY_CHOSEN", actor.staffId(), "Customer chose " + chosen.kind());
			return List.of(CaseEvents.of(c, now).chosen(ids.id("chosen"), actor.staffId(), chosen));
		});
	}

	/**
	 * A custom option of a kind that costs money states its amount: without it no limit
	 * could be checked (a 2,000 credit written only in the description).
	 */
	private static void requireAmounts(List<RemedyOption> custom) {
		for (int i = 0; i < custom.size(); i++) {
			RemedyOption option = custom.get(i);
			if (option.kind().needsAmount() && option.amount() == null) {
				throw new InvalidActionException("remedies[" + i + "].amount: a " + option.kind()
						+ " needs its amount (0 for a custom remedy that costs nothing), so the tier's limits apply");
			}
		}
	}

	/**
	 * Resolves the case: its answer milestones are met, progress updates stop and the
	 * callback is due. Resolving an incident case resolves its member cases.
	 */
	public FollowupCase resolve(String caseId, Actor actor, String key, String resolution) {
		return resolve(caseId, actor, key, resolution, false);
	}

	private FollowupCase resolve(String caseId, Actor actor, String key, String resolution, boolean withIncident) {
		FollowupCase resolved = this.changes.apply(caseId, CaseAction.RESOLVE, key, (c, now, ids) -> {
			if (c.resolvesMembersAgain(CaseAction.RESOLVE)) {
				c.record(now, "MEMBERS_RESOLVED_AGAIN", actor.staffId(), "Members still open resolved with it");
				return List.of();
			}
			meet(c, ANSWERED, now);
			c.getMilestones()
				.stream()
				.filter((m) -> m.getKind() == MilestoneKind.PROGRESS_UPDATE)
				.forEach((m) -> this.milestones.cancel(m, now));
			c.resolve(resolution, withIncident);
			c.record(now, "RESOLVED", actor.staffId(), "Resolved");
			if (c.getKind() == CaseKind.INCIDENT) {
				return List.of();
			}
			Duration within = (c.getCallbackWithinMs() > 0) ? Duration.ofMillis(c.getCallbackWithinMs()) : null;
			Milestone callback = open(c, MilestoneKind.CALLBACK, now, within);
			List<ComplaintEvent> events = new ArrayList<>();
			// the outage notice promises the member its compensation: it is granted, so
			// the case, the callback's agent and analytics' compensation figures know of
			// it
			RemedyOption granted = withIncident ? c.grantOutageCompensation() : null;
			if (granted != null) {
				c.record(now, "REMEDY_CHOSEN", "system", "Outage compensation granted: " + granted.kind());
				events.add(CaseEvents.of(c, now).chosen(ids.id("compensated"), "system", granted));
			}
			events.add(CaseEvents.of(c, now)
				.resolved(ids.id("resolved"), actor.staffId(), resolution, callback.getDueAt()));
			return events;
		});
		if (resolved.getKind() == CaseKind.INCIDENT) {
			// the incident's own resolution, also when this request only resolves the
			// members still open
			resolveMembers(resolved, actor, key, resolved.getResolution());
		}
		return resolved;
	}

	/**
	 * Records the callback. A satisfied customer with the problem gone lets the case
	 * close; otherwise it reopens, escalated to the expert team's queue with a new
	 * deadline.
	 */
	public FollowupCase callback(String caseId, Actor actor, String key, int satisfaction, boolean problemResolved) {
		if (satisfaction < 1 || satisfaction > 5) {
			throw new InvalidActionException("satisfaction must be 1 to 5");
		}
		return this.changes.apply(caseId, CaseAction.CALLBACK, key, (c, now, ids) -> {
			meet(c, EnumSet.of(MilestoneKind.CALLBACK), now);
			CaseEvents events = CaseEvents.of(c, now);
			List<ComplaintEvent> published = new ArrayList<>();
			published.add(events.calledBack(ids.id("callback"), actor.staffId(), satisfaction, problemResolved));
			if (c.calledBack(satisfaction, problemResolved)) {
				c.record(now, "CALLBACK_DONE", actor.staffId(), "Customer satisfied (" + satisfaction + "/5)");
				return published;
			}
			Milestone escalated = open(c, MilestoneKind.ESCALATED_RESOLUTION, now, null);
			restartProgress(c, now);
			String reason = problemResolved ? "Customer unsatisfied at callback (" + satisfaction + "/5)"
					: "Problem still there at callback";
			c.record(now, "ESCALATED", actor.staffId(), reason + "; expert team, new deadline " + escalated.getDueAt());
			c.escalateTo(EscalationLevel.EXPERT_TEAM, this.ownership.teamFor(EscalationLevel.EXPERT_TEAM), now, reason);
			published.add(events.escalated(ids.id("escalated"), EscalationLevel.EXPERT_TEAM, reason,
					MilestoneKind.ESCALATED_RESOLUTION, escalated.getDueAt()));
			return published;
		});
	}

	/** Closes the case with its retention outcome, after a satisfied callback. */
	public FollowupCase close(String caseId, Actor actor, String key, Outcome outcome) {
		return this.changes.apply(caseId, CaseAction.CLOSE, key, (c, now, ids) -> {
			c.getMilestones().forEach((m) -> this.milestones.cancel(m, now));
			c.close(outcome);
			c.record(now, "CLOSED", actor.staffId(), "Closed: " + outcome);
			return List.of(CaseEvents.of(c, now).closed(ids.id("closed"), actor.staffId(), outcome));
		});
	}

	private List<MilestoneKind> meet(FollowupCase c, Set<MilestoneKind> kinds, Instant now) {
		List<MilestoneKind> met = new ArrayList<>();
		for (Milestone milestone : c.getMilestones()) {
			if (kinds.contains(milestone.getKind()) && this.milestones.meet(milestone, now)) {
				met.add(milestone.getKind());
			}
		}
		return met;
	}

	/**
	 * Meets the open progress update and opens the next at the case's interval: the
	 * interval of its latest progress update, met now or cancelled at a resolution the
	 * callback reopened.
	 */
	private Milestone restartProgress(FollowupCase c, Instant now) {
		Milestone latest = null;
		for (Milestone milestone : c.getMilestones()) {
			if (milestone.getKind() == MilestoneKind.PROGRESS_UPDATE) {
				this.milestones.meet(milestone, now);
				if (latest == null || milestone.getSeq() > latest.getSeq()) {
					latest = milestone;
				}
			}
		}
		Duration every = (latest != null) ? Duration.ofMillis(latest.getWindowMs()) : null;
		Milestone next = open(c, MilestoneKind.PROGRESS_UPDATE, now, every);
		if (c.getStatus() == CaseStatus.WAITING_ON_CUSTOMER) {
			this.milestones.pause(next, now);
		}
		return next;
	}

	private Milestone open(FollowupCase c, MilestoneKind kind, Instant now, Duration interval) {
		int seq = 1 + c.getMilestones()
			.stream()
			.filter((m) -> m.getKind() == kind)
			.mapToInt(Milestone::getSeq)
			.max()
			.orElse(0);
		Milestone milestone = this.milestones.open(c.getId(), kind, seq, now, null, interval);
		c.getMilestones().add(milestone);
		return milestone;
	}

	/**
	 * Resolves each member case under a key derived from the incident's, so a retry of
	 * the incident's resolution resolves only the members still open. A member that
	 * cannot be resolved (closed, waiting on its customer) stays as it is; a member that
	 * changed concurrently on every attempt makes the whole request a 503 to retry, after
	 * every other member was resolved.
	 */
	private void resolveMembers(FollowupCase incident, Actor actor, String key, String resolution) {
		List<String> busy = new ArrayList<>();
		for (String memberId : List.copyOf(incident.getMemberCaseIds())) {
			try {
				resolve(memberId, actor, "incident-" + incident.getId() + "-" + key, resolution, true);
			}
			catch (CaseBusyException ex) {
				busy.add(memberId);
			}
			catch (CaseException ex) {
				logger.info("Member case {} of incident case {} not resolved with it: {}", memberId, incident.getId(),
						ex.getMessage());
			}
		}
		if (!busy.isEmpty()) {
			throw new CaseBusyException("The incident case is resolved, but " + busy.size()
					+ " of its member cases changed concurrently too often and are not yet; retry with the same Idempotency-Key.");
		}
	}

	/**
	 * Who acts.
	 *
	 * @param staffId the staff login
	 * @param supervisor whether they hold the SUPERVISOR role
	 */
	public record Actor(String staffId, boolean supervisor) {

		/** The signed-in staff member. */
		public static Actor of(Authentication auth) {
			return new Actor(auth.getName(), Roles.heldBy(auth, Roles.SUPERVISOR));
		}

	}

}
