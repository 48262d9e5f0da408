package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.followup.cases.CaseEvents;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.cases.OwnershipSettings;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.ReminderStep;
import com.complaintflow.followup.oncall.OnCallOutbox;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Raises the reminders a claimed case is due: publishes each with an id derived from
 * (milestone, kind, level, ordinal), waits for the broker's acknowledgement, and only
 * then records it as raised. A crash in between re-sends the same event id, which
 * consumers drop; a met or paused milestone raises nothing. Cases due at the same instant
 * are fired as one batch: all sends first, then all acknowledgements, then the records.
 * Each case's reminders are published in its complaint's trace.
 */
@Component
public class ReminderFiring {

	private static final Logger logger = LoggerFactory.getLogger(ReminderFiring.class);

	private static final int ATTEMPTS = 5;

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final EventPublisher publisher;

	private final OnCallOutbox onCall;

	private final ReminderMetrics metrics;

	private final OwnershipSettings ownership;

	private final ComplaintTrace trace;

	private final Clock clock;

	ReminderFiring(CaseStore store, MilestoneClock milestones, EventPublisher publisher, OnCallOutbox onCall,
			ReminderMetrics metrics, OwnershipSettings ownership, ComplaintTrace trace, Clock clock) {
		this.store = store;
		this.ownership = ownership;
		this.milestones = milestones;
		this.publisher = publisher;
		this.onCall = onCall;
		this.metrics = metrics;
		this.trace = trace;
		this.clock = clock;
	}

	/**
	 * The event id of a reminder: the same rung of the same milestone always gets the
	 * same id.
	 */
	public static UUID reminderId(String milestoneId, ReminderStep step) {
		return EventMetadata.deterministicEventId("reminder", milestoneId, step.kind(), step.level(), step.ordinal());
	}

	/**
	 * Raises what the case is due and gives its lease back.
	 * @param caseId the claimed case
	 * @param owner the instance holding the lease
	 * @return the number of reminders raised
	 */
	public int fire(String caseId, String owner) {
		return fireAll(List.of(caseId), owner);
	}

	/**
	 * Raises what the claimed cases are due as one batch: publishes every reminder, then
	 * waits for all the broker's acknowledgements, then records each case (which gives
	 * its lease back). A case whose events were not all acknowledged keeps its lease and
	 * is fired again, with the same event ids, when the lease expires.
	 * @param caseIds the claimed cases
	 * @param owner the instance holding the leases
	 * @return the number of reminders raised
	 * @throws RuntimeException the first failure to record a case, after trying all
	 */
	public int fireAll(List<String> caseIds, String owner) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Firing> firings = new ArrayList<>();
		RuntimeException failure = null;
		for (String caseId : caseIds) {
			try {
				this.store.findById(caseId)
					.filter((c) -> owner.equals(c.getLeaseOwner()))
					.ifPresent((c) -> firings.add(new Firing(c, raise(c, now))));
			}
			catch (RuntimeException ex) {
				// one case that cannot be read or raised keeps its lease and is tried
				// again after it; the others of the batch fire now
				logger.warn("Reminders of case {} not raised; retried after the lease: {}", caseId, ex.toString());
				this.metrics.failed();
				failure = (failure != null) ? failure : ex;
			}
		}
		firings.forEach(Firing::publish);
		Instant deadline = Instant.now().plus(this.publisher.sendTimeout());
		int raised = 0;
		for (Firing firing : firings) {
			if (!firing.acknowledged(deadline)) {
				continue;
			}
			this.trace.resume(firing.followupCase().getTraceParent(), "reminder acknowledged",
					() -> firing.measure(now));
			try {
				raised += record(firing.followupCase(), owner, firing.published());
			}
			catch (RuntimeException ex) {
				this.metrics.failed();
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
		return raised;
	}

	/**
	 * Saves the raised rungs and releases the lease, writing only what firing changed
	 * ({@link CaseStore#saveFired}); on a concurrent staff change, reads the case again,
	 * records on it the rungs already sent, and raises (and publishes, waiting) only what
	 * was not sent yet.
	 */
	private int record(FollowupCase followupCase, String owner, Set<UUID> published) {
		FollowupCase current = followupCase;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			current.rescheduleTimer();
			current.releaseLease();
			try {
				this.store.saveFired(current);
				return published.size();
			}
			catch (OptimisticLockingFailureException ex) {
				Optional<FollowupCase> found = this.store.findById(current.getId());
				if (found.isEmpty() || !owner.equals(found.get().getLeaseOwner())) {
					return published.size();
				}
				current = found.get();
				Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
				recordSent(current, published, now);
				for (Due due : raise(current, now)) {
					for (ComplaintEvent event : due.events()) {
						if (published.add(event.eventId())) {
							enqueueAlert(event, due.milestoneId());
							this.trace.resume(current.getTraceParent(), "reminder",
									() -> this.publisher.publishAndWait(event));
							due.measure(event, now, this.metrics);
						}
					}
				}
			}
		}
		return published.size();
	}

	private void enqueueAlert(ComplaintEvent event, String milestoneId) {
		if (event instanceof ReminderRaised reminder && reminder.kind() != ReminderKind.WARNING) {
			this.onCall.enqueue(reminder, milestoneId);
		}
	}

	private List<Due> raise(FollowupCase c, Instant now) {
		List<Due> raised = new ArrayList<>();
		for (Milestone milestone : c.getMilestones()) {
			Optional<ReminderStep> step = this.milestones.due(milestone, now);
			while (step.isPresent()) {
				Instant dueAt = milestone.getNextReminderAt();
				ReminderStep rung = step.get();
				raised.add(new Due(milestone.getId(), dueAt, events(c, milestone, rung, now)));
				recordRung(c, milestone, rung, now);
				step = this.milestones.due(milestone, now);
			}
		}
		return raised;
	}

	/**
	 * Records on a case read again the rungs already published for it, also where the
	 * milestone is no longer due (a pause or a met promise saved first): a rung sent is a
	 * rung raised, and it must not fall due again after the resume.
	 */
	private void recordSent(FollowupCase c, Set<UUID> published, Instant now) {
		for (Milestone milestone : c.getMilestones()) {
			Optional<ReminderStep> sent = sentRung(milestone, published);
			while (sent.isPresent()) {
				recordRung(c, milestone, sent.get(), now);
				sent = sentRung(milestone, published);
			}
		}
	}

	private Optional<ReminderStep> sentRung(Milestone milestone, Set<UUID> published) {
		return this.milestones.nextRung(milestone)
			.filter((rung) -> published.contains(reminderId(milestone.getId(), rung)));
	}

	/**
	 * Notes the rung in the case's timeline, escalates the case if it says so and the
	 * milestone still runs (a promise met or cancelled meanwhile, as by a resolve or a
	 * close saved first, leaves the case where staff put it), moves on.
	 */
	private void recordRung(FollowupCase c, Milestone milestone, ReminderStep rung, Instant now) {
		c.record(now, "REMINDER_" + rung.kind(), "system",
				rung.kind() + " to " + rung.level() + " for " + milestone.getKind() + " due " + milestone.getDueAt());
		if (rung.kind() == ReminderKind.ESCALATION && milestone.isActive()
				&& this.ownership.teamFor(rung.level()) != null) {
			c.escalateTo(rung.level(), this.ownership.teamFor(rung.level()), now,
					rung.level() + " rung of " + milestone.getKind());
		}
		this.milestones.advance(milestone, milestone.getNextStep());
	}

	private List<ComplaintEvent> events(FollowupCase c, Milestone milestone, ReminderStep step, Instant now) {
		CaseEvents factory = CaseEvents.of(c, now);
		List<ComplaintEvent> events = new ArrayList<>();
		events.add(factory.reminder(reminderId(milestone.getId(), step), milestone, step));
		if (step.kind() == ReminderKind.ESCALATION) {
			events
				.add(factory.escalated(EventMetadata.deterministicEventId("escalated", milestone.getId(), step.level()),
						step.level(), milestone.getKind() + " not met " + Math.round((step.fraction() - 1) * 100)
								+ "% of its window after the deadline",
						milestone.getKind(), null));
		}
		return events;
	}

	/** The events of one rung, its milestone and the instant it was due. */
	private record Due(String milestoneId, Instant dueAt, List<ComplaintEvent> events) {

		void measure(ComplaintEvent event, Instant now, ReminderMetrics metrics) {
			if (event instanceof ReminderRaised reminder) {
				metrics.raised(reminder, Duration.between(this.dueAt, now));
			}
		}

	}

	/** One claimed case of a batch: its rungs due and the sends in flight. */
	private final class Firing {

		private final FollowupCase followupCase;

		private final List<Due> dues;

		private final Set<UUID> published = new HashSet<>();

		private final List<CompletableFuture<?>> acks = new ArrayList<>();

		private boolean failed;

		Firing(FollowupCase followupCase, List<Due> dues) {
			this.followupCase = followupCase;
			this.dues = dues;
		}

		FollowupCase followupCase() {
			return this.followupCase;
		}

		Set<UUID> published() {
			return this.published;
		}

		void publish() {
			try {
				ReminderFiring.this.trace.resume(this.followupCase.getTraceParent(), "reminder", this::send);
			}
			catch (RuntimeException ex) {
				fail(ex);
			}
		}

		private void send() {
			for (Due due : this.dues) {
				for (ComplaintEvent event : due.events()) {
					if (this.published.add(event.eventId())) {
						enqueueAlert(event, due.milestoneId());
						this.acks.add(ReminderFiring.this.publisher.publish(event));
					}
				}
			}
		}

		boolean acknowledged(Instant deadline) {
			for (CompletableFuture<?> ack : this.acks) {
				try {
					ack.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					fail(ex);
				}
				catch (ExecutionException | TimeoutException ex) {
					fail(ex);
				}
				if (this.failed) {
					return false;
				}
			}
			return !this.failed;
		}

		void measure(Instant now) {
			for (Due due : this.dues) {
				due.events().forEach((event) -> due.measure(event, now, ReminderFiring.this.metrics));
			}
		}

		private void fail(Exception ex) {
			if (!this.failed) {
				ReminderFiring.this.metrics.failed();
			}
			this.failed = true;
			logger.warn("Reminders of case {} not acknowledged; retried after the lease: {}", this.followupCase.getId(),
					ex.toString());
		}

	}

}
