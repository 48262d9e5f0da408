package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.policy.RemedyPolicy;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.MilestoneStatus;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.security.Roles;
import com.complaintflow.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The staff actions on a case. Each checks the case's state (409 when not allowed),
 * changes state and milestones, and writes its lifecycle events into the case's outbox in
 * the same save; each is recorded under its idempotency key, so a retry changes nothing
 * and republishes the same event ids.
 */
@Component
public class CaseActions {

	private static final Logger logger = LoggerFactory.getLogger(CaseActions.class);

	private static final int ATTEMPTS = 5;

	/**
	 * Prefix of idempotency keys derived from the request body when the client sent none.
	 */
	static final String DERIVED_KEY_PREFIX = "body-";

	private static final Set<CaseStatus> WORKING = EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
			CaseStatus.ESCALATED);

	private static final Set<MilestoneKind> CONTACT = EnumSet.of(MilestoneKind.FIRST_RESPONSE,
			MilestoneKind.ENGINEER_CONTACT);

	private static final Set<MilestoneKind> ANSWERED = EnumSet.of(MilestoneKind.FIRST_RESPONSE,
			MilestoneKind.ENGINEER_CONTACT, MilestoneKind.PROMISED_ANSWER, MilestoneKind.ESCALATED_RESOLUTION);

	private final CaseStore store;

	private final CaseOutbox outbox;

	private final MilestoneClock milestones;

	private final Clock clock;

	CaseActions(CaseStore store, CaseOutbox outbox, MilestoneClock milestones, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.milestones = milestones;
		this.clock = clock;
	}

	/**
	 * Records a contact with the customer; meets the first-response and engineer-contact
	 * milestones.
	 */
	public FollowupCase contact(String caseId, Actor actor, String key, String note) {
		return apply(caseId, "contact", key, WORKING, (c, now, ids) -> {
			List<MilestoneKind> met = meet(c, CONTACT, now);
			if (c.getStatus() == CaseStatus.OPEN) {
				c.setStatus(CaseStatus.IN_PROGRESS);
			}
			c.record(now, "CONTACTED", actor.staffId(), "Customer contacted; met " + met);
			return List.of(new CustomerContacted(ids.id("contacted"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), met));
		});
	}

	/**
	 * Posts a progress update; meets the current progress milestone and starts the next.
	 */
	public FollowupCase progress(String caseId, Actor actor, String key, String message) {
		Set<CaseStatus> allowed = EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.ESCALATED,
				CaseStatus.WAITING_ON_CUSTOMER);
		return apply(caseId, "progress", key, allowed, (c, now, ids) -> {
			Milestone next = restartProgress(c, now, null);
			c.record(now, "PROGRESS_UPDATED", actor.staffId(), "Progress update sent");
			return List.of(new ProgressUpdated(ids.id("progress"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), message,
					(next.getStatus() == MilestoneStatus.OPEN) ? next.getDueAt() : null));
		});
	}

	/**
	 * The case waits on the customer: every running milestone clock pauses; publishes
	 * {@link CaseWaitingOnCustomer} with the paused milestones.
	 */
	public FollowupCase waitOnCustomer(String caseId, Actor actor, String key, String reason) {
		return apply(caseId, "wait-on-customer", key, WORKING, (c, now, ids) -> {
			c.startWaiting(now);
			List<MilestoneKind> paused = c.getMilestones()
				.stream()
				.filter((m) -> this.milestones.pause(m, now))
				.map(Milestone::getKind)
				.toList();
			c.record(now, "WAITING_ON_CUSTOMER", actor.staffId(),
					"Clocks paused" + ((reason != null) ? ": " + reason : ""));
			return List.of(new CaseWaitingOnCustomer(ids.id("waiting"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), reason, now,
					paused));
		});
	}

	/**
	 * The customer answered: paused clocks resume and deadlines move by the pause;
	 * publishes {@link CaseResumed} with the pause and the moved deadlines.
	 */
	public FollowupCase resume(String caseId, Actor actor, String key) {
		return apply(caseId, "resume", key, EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER), (c, now, ids) -> {
			Duration pausedFor = c.stopWaiting(now);
			List<MilestoneDue> moved = c.getMilestones()
				.stream()
				.filter((m) -> this.milestones.resume(m, now))
				.map((m) -> new MilestoneDue(m.getKind(), m.getDueAt()))
				.toList();
			c.record(now, "RESUMED", actor.staffId(), "Clocks resumed after " + pausedFor);
			return List
				.of(new CaseResumed(ids.id("resumed"), CaseOpening.SOURCE, now, c.getComplaintId(), c.getCustomerId(),
						ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), now, pausedFor, moved));
		});
	}

	/**
	 * Offers remedies: the triage options when none are given, else custom ones. The one
	 * {@link RemedyPolicy} decides: an agent may offer up to the tier's credit limit or
	 * what triage proposed for the case, a supervisor up to the tier's cap, nobody above.
	 */
	public FollowupCase offer(String caseId, Actor actor, String key, List<RemedyOption> custom) {
		return apply(caseId, "offer-remedies", key, WORKING, (c, now, ids) -> {
			List<RemedyOption> options = (custom == null || custom.isEmpty()) ? c.getTriageRemedies() : custom;
			if (options.isEmpty()) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "No remedies",
						"Triage proposed no remedy for this case; send the options to offer.");
			}
			BigDecimal cap = RemedyPolicy.limits(c.getCustomerTier()).brokenPromiseLimit();
			if (options.stream().anyMatch((o) -> o.amount() != null && o.amount().compareTo(cap) > 0)) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Above the remedy cap", "No remedy above "
						+ cap + " may be offered to a " + c.getCustomerTier() + " customer, not even by a supervisor.");
			}
			BigDecimal limit = RemedyPolicy.agentLimit(c.getCustomerTier(),
					c.getTriageRemedies().stream().map(RemedyOption::amount).toList());
			boolean aboveLimit = options.stream()
				.anyMatch((o) -> o.amount() != null && o.amount().compareTo(limit) > 0);
			if (aboveLimit && !actor.supervisor()) {
				throw new ProblemException(HttpStatus.FORBIDDEN, "Supervisor approval needed", "A remedy above " + limit
						+ " for a " + c.getCustomerTier() + " customer can only be offered by a supervisor.");
			}
			c.setOfferedRemedies(options);
			c.setChosenRemedy(null);
			c.record(now, "REMEDIES_OFFERED", actor.staffId(),
					options.size() + " option(s) offered" + (aboveLimit ? ", approved above the tier limit" : ""));
			return List
				.of(new RemedyOffered(ids.id("offered"), CaseOpening.SOURCE, now, c.getComplaintId(), c.getCustomerId(),
						ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), options, aboveLimit));
		});
	}

	/** Records the option the customer chose, by its position in the offer (0-based). */
	public FollowupCase choose(String caseId, Actor actor, String key, int option) {
		return apply(caseId, "choose-remedy", key, WORKING, (c, now, ids) -> {
			if (c.getOfferedRemedies().isEmpty()) {
				throw new ActionNotAllowedException("choose a remedy for", c.getStatus(), WORKING,
						"no remedy has been offered yet");
			}
			if (option < 0 || option >= c.getOfferedRemedies().size()) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
						"option must be between 0 and " + (c.getOfferedRemedies().size() - 1));
			}
			RemedyOption chosen = c.getOfferedRemedies().get(option);
			c.setChosenRemedy(chosen);
			c.record(now, "REMEDY_CHOSEN", actor.staffId(), "Customer chose " + chosen.kind());
			return List.of(new RemedyChosen(ids.id("chosen"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), chosen));
		});
	}

	/**
	 * Resolves the case: its answer milestones are met, progress updates stop and the
	 * callback is due. Resolving an incident case resolves its member cases.
	 */
	public FollowupCase resolve(String caseId, Actor actor, String key, String resolution) {
		FollowupCase resolved = apply(caseId, "resolve", key, WORKING, (c, now, ids) -> {
			meet(c, ANSWERED, now);
			c.getMilestones()
				.stream()
				.filter((m) -> m.getKind() == MilestoneKind.PROGRESS_UPDATE)
				.forEach((m) -> this.milestones.cancel(m, now));
			c.setStatus(CaseStatus.RESOLVED);
			c.setResolution(resolution);
			c.record(now, "RESOLVED", actor.staffId(), "Resolved");
			if (c.getKind() == CaseKind.INCIDENT) {
				return List.of();
			}
			Duration within = (c.getCallbackWithinMs() > 0) ? Duration.ofMillis(c.getCallbackWithinMs()) : null;
			Milestone callback = open(c, MilestoneKind.CALLBACK, now, within);
			return List.of(new CaseResolved(ids.id("resolved"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), resolution,
					callback.getDueAt()));
		});
		if (resolved.getKind() == CaseKind.INCIDENT) {
			resolveMembers(resolved, actor, key, resolution);
		}
		return resolved;
	}

	/**
	 * Records the callback. A satisfied customer with the problem gone lets the case
	 * close; otherwise it reopens, escalated to the expert team with a new deadline.
	 */
	public FollowupCase callback(String caseId, Actor actor, String key, int satisfaction, boolean problemResolved) {
		if (satisfaction < 1 || satisfaction > 5) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "satisfaction must be 1 to 5");
		}
		return apply(caseId, "callback", key, EnumSet.of(CaseStatus.RESOLVED), (c, now, ids) -> {
			meet(c, EnumSet.of(MilestoneKind.CALLBACK), now);
			c.setSatisfaction(satisfaction);
			List<ComplaintEvent> events = new ArrayList<>();
			events.add(new CallbackCompleted(ids.id("callback"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), satisfaction,
					problemResolved));
			if (problemResolved && satisfaction >= 3) {
				c.setStatus(CaseStatus.CALLBACK_DONE);
				c.record(now, "CALLBACK_DONE", actor.staffId(), "Customer satisfied (" + satisfaction + "/5)");
				return events;
			}
			Milestone escalated = open(c, MilestoneKind.ESCALATED_RESOLUTION, now, null);
			restartProgress(c, now, null);
			c.setStatus(CaseStatus.ESCALATED);
			String reason = problemResolved ? "Customer unsatisfied at callback (" + satisfaction + "/5)"
					: "Problem still there at callback";
			c.record(now, "ESCALATED", actor.staffId(), reason + "; expert team, new deadline " + escalated.getDueAt());
			events.add(new CaseEscalated(ids.id("escalated"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), EscalationLevel.EXPERT_TEAM,
					reason, MilestoneKind.ESCALATED_RESOLUTION, escalated.getDueAt()));
			return events;
		});
	}

	/** Closes the case with its retention outcome, after a satisfied callback. */
	public FollowupCase close(String caseId, Actor actor, String key, Outcome outcome) {
		return apply(caseId, "close", key, EnumSet.of(CaseStatus.CALLBACK_DONE), (c, now, ids) -> {
			c.getMilestones().forEach((m) -> this.milestones.cancel(m, now));
			c.setStatus(CaseStatus.CLOSED);
			c.setOutcome(outcome);
			c.record(now, "CLOSED", actor.staffId(), "Closed: " + outcome);
			return List.of(new CaseClosed(ids.id("closed"), CaseOpening.SOURCE, now, c.getComplaintId(),
					c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), actor.staffId(), outcome,
					MilestoneActuals.of(c.getMilestones())));
		});
	}

	private FollowupCase apply(String caseId, String action, String key, Set<CaseStatus> allowedIn, Change change) {
		String applied = action + ":" + key;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			FollowupCase c = this.store.findById(caseId)
				.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Case not found",
						"No case with id " + caseId));
			if (isRetry(c.getAppliedActions(), applied, key)) {
				publish(c);
				return c;
			}
			if (!allowedIn.contains(c.getStatus())) {
				throw new ActionNotAllowedException(action, c.getStatus(), allowedIn, null);
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			long position = c.appliedActionCount();
			List<ComplaintEvent> events = change.apply(c, now,
					(name) -> EventMetadata.deterministicEventId(caseId, action, key, position, name));
			c.applied(applied);
			events.forEach((event) -> this.outbox.add(c, event));
			c.rescheduleTimer();
			try {
				this.store.save(c);
			}
			catch (OptimisticLockingFailureException ex) {
				continue;
			}
			publish(c);
			return c;
		}
		throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Case busy",
				"The case changed concurrently " + ATTEMPTS + " times; retry with the same Idempotency-Key.");
	}

	/**
	 * Whether the request repeats one already applied: any earlier action with the same
	 * client key, or, for a key derived from the body, the case's most recent action (so
	 * the same action can be repeated on purpose later, after something else happened).
	 */
	private static boolean isRetry(List<String> applied, String action, String key) {
		if (key.startsWith(DERIVED_KEY_PREFIX)) {
			return !applied.isEmpty() && applied.get(applied.size() - 1).equals(action);
		}
		return applied.contains(action);
	}

	private void publish(FollowupCase c) {
		try {
			this.outbox.flush(c);
		}
		catch (PublishFailedException ex) {
			logger.warn("Events of case {} kept in its outbox, published later: {}", c.getId(), ex.getMessage());
		}
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

	private Milestone restartProgress(FollowupCase c, Instant now, Duration interval) {
		Duration every = interval;
		for (Milestone milestone : c.getMilestones()) {
			if (milestone.getKind() == MilestoneKind.PROGRESS_UPDATE && this.milestones.meet(milestone, now)) {
				every = Duration.ofMillis(milestone.getWindowMs());
			}
		}
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

	private void resolveMembers(FollowupCase incident, Actor actor, String key, String resolution) {
		for (String memberId : List.copyOf(incident.getMemberCaseIds())) {
			try {
				resolve(memberId, actor, "incident-" + incident.getId() + "-" + key, resolution);
			}
			catch (ProblemException ex) {
				logger.info("Member case {} of incident case {} not resolved with it: {}", memberId, incident.getId(),
						ex.getMessage());
			}
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
			boolean supervisor = auth.getAuthorities()
				.stream()
				.anyMatch((authority) -> ("ROLE_" + Roles.SUPERVISOR).equals(authority.getAuthority()));
			return new Actor(auth.getName(), supervisor);
		}

	}

	/** The ids of the events of one action. */
	@FunctionalInterface
	interface EventIds {

		UUID id(String name);

	}

	/** What an action does to a case, returning the events to publish. */
	@FunctionalInterface
	interface Change {

		List<ComplaintEvent> apply(FollowupCase c, Instant now, EventIds ids);

	}

}
