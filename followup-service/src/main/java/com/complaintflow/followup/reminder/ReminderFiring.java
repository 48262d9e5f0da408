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

import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.deadline.ReminderStep;
import com.complaintflow.followup.oncall.OnCallOutbox;
import com.complaintflow.support.kafka.EventPublisher;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Raises the reminders a claimed case is due: publishes each with an id derived from
 * (milestone, kind, level, ordinal), waits for the broker's acknowledgement, and only
 * then records it as raised. A crash in between re-sends the same event id, which
 * consumers drop; a met or paused milestone raises nothing.
 */
@Component
public class ReminderFiring {

	private static final int ATTEMPTS = 5;

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final EventPublisher publisher;

	private final OnCallOutbox onCall;

	private final ReminderMetrics metrics;

	private final Clock clock;

	ReminderFiring(CaseStore store, MilestoneClock milestones, EventPublisher publisher, OnCallOutbox onCall,
			ReminderMetrics metrics, Clock clock) {
		this.store = store;
		this.milestones = milestones;
		this.publisher = publisher;
		this.onCall = onCall;
		this.metrics = metrics;
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
		Set<UUID> published = new HashSet<>();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<FollowupCase> found = this.store.findById(caseId);
			if (found.isEmpty() || !owner.equals(found.get().getLeaseOwner())) {
				return published.size();
			}
			FollowupCase followupCase = found.get();
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			for (Due due : raise(followupCase, now)) {
				for (ComplaintEvent event : due.events()) {
					if (published.add(event.eventId())) {
						if (event instanceof ReminderRaised reminder && reminder.kind() != ReminderKind.WARNING) {
							this.onCall.enqueue(reminder);
						}
						this.publisher.publishAndWait(event);
						if (event instanceof ReminderRaised reminder) {
							this.metrics.raised(reminder, Duration.between(due.dueAt(), now));
						}
					}
				}
			}
			followupCase.rescheduleTimer();
			followupCase.releaseLease();
			try {
				this.store.save(followupCase);
				return published.size();
			}
			catch (OptimisticLockingFailureException ex) {
				// a staff action changed the case meanwhile: read it again and record
				// what was raised
			}
		}
		return published.size();
	}

	private List<Due> raise(FollowupCase c, Instant now) {
		List<Due> raised = new ArrayList<>();
		for (Milestone milestone : c.getMilestones()) {
			Optional<ReminderStep> step = this.milestones.due(milestone, now);
			while (step.isPresent()) {
				Instant dueAt = milestone.getNextReminderAt();
				ReminderStep rung = step.get();
				raised.add(new Due(dueAt, events(c, milestone, rung, now)));
				c.record(now, "REMINDER_" + rung.kind(), "system", rung.kind() + " to " + rung.level() + " for "
						+ milestone.getKind() + " due " + milestone.getDueAt());
				if (rung.kind() == ReminderKind.ESCALATION) {
					c.countEscalation();
				}
				this.milestones.advance(milestone, milestone.getNextStep());
				step = this.milestones.due(milestone, now);
			}
		}
		return raised;
	}

	private List<ComplaintEvent> events(FollowupCase c, Milestone milestone, ReminderStep step, Instant now) {
		List<ComplaintEvent> events = new ArrayList<>();
		events.add(new ReminderRaised(reminderId(milestone.getId(), step), CaseOpening.SOURCE, now, c.getComplaintId(),
				c.getCustomerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), milestone.getKind(), step.kind(),
				step.level(), milestone.getDueAt(), c.getQueue(), c.getPriority()));
		if (step.kind() == ReminderKind.ESCALATION) {
			events.add(new CaseEscalated(
					EventMetadata.deterministicEventId("escalated", milestone.getId(), step.level()),
					CaseOpening.SOURCE, now, c.getComplaintId(), c.getCustomerId(),
					ComplaintEvent.CURRENT_SCHEMA_VERSION, c.getId(), step.level(), milestone.getKind() + " not met "
							+ Math.round((step.fraction() - 1) * 100) + "% of its window after the deadline",
					milestone.getKind(), null));
		}
		return events;
	}

	/** The events of one rung and the instant it was due. */
	private record Due(Instant dueAt, List<ComplaintEvent> events) {

	}

}
