package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.Topics;
import com.complaintflow.support.erasure.CustomerErasure;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer-facing status current from the accepted complaints, the triage
 * decisions and the case lifecycle, a poll at a time: each record's change is queued in
 * order and the poll's changes are written in one bulk write before the offsets commit
 * (at-least-once, every effect an idempotent upsert). A record that is not an event is
 * dead-lettered alone, after the records before it were written. Each record's change is
 * made in its complaint's trace (a span per record, child of its {@code traceparent}: the
 * container observes single records only). After the writes, a customer whose erasure ran
 * meanwhile is erased again ({@link CustomerErasure}).
 */
@Component
class StatusListener {

	private final StatusProjection projection;

	private final ComplaintTrace trace;

	private final CustomerErasure erasure;

	StatusListener(StatusProjection projection, ComplaintTrace trace, CustomerErasure erasure) {
		this.projection = projection;
		this.trace = trace;
		this.erasure = erasure;
	}

	@KafkaListener(topics = { Topics.RECEIVED, Topics.TRIAGED, Topics.CASES }, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		StatusWrites writes = this.projection.begin();
		List<ComplaintEvent> applied = new ArrayList<>(records.size());
		for (ConsumerRecord<String, Object> record : records) {
			try {
				ComplaintEvent event = BatchRecords.event(record, ComplaintEvent.class);
				this.trace.resume(ComplaintTrace.traceparent(record), "status update", () -> on(event, writes));
				applied.add(event);
			}
			catch (RuntimeException ex) {
				write(records, writes, applied);
				// by record, not index: a filter (re-drives for other groups) may have
				// shortened the batch
				throw BatchRecords.failure("Cannot apply to the status: " + ex.getMessage(), ex, record);
			}
		}
		write(records, writes, applied);
	}

	/** The status change of one event, queued. */
	void on(ComplaintEvent event, StatusWrites writes) {
		if (event instanceof ComplaintReceived received) {
			writes.accepted(received);
		}
		else if (event instanceof ComplaintTriaged triaged) {
			on(triaged, writes);
		}
		else if (event instanceof CaseOpened opened) {
			on(opened, writes);
		}
		else if (event instanceof CustomerContacted contacted) {
			on(contacted, writes);
		}
		else if (event instanceof ProgressUpdated progress) {
			on(progress, writes);
		}
		else if (event instanceof RemedyOffered offered) {
			on(offered, writes);
		}
		else if (event instanceof RemedyChosen chosen) {
			on(chosen, writes);
		}
		else if (event instanceof CaseResolved resolved) {
			on(resolved, writes);
		}
		else if (event instanceof CallbackCompleted callback) {
			on(callback, writes);
		}
		else if (event instanceof CaseEscalated escalated) {
			on(escalated, writes);
		}
		else if (event instanceof CaseWaitingOnCustomer waiting) {
			on(waiting, writes);
		}
		else if (event instanceof CaseResumed resumed) {
			on(resumed, writes);
		}
		else if (event instanceof CaseClosed closed) {
			on(closed, writes);
		}
		// reminders and other events do not change what the customer sees
	}

	/**
	 * Writes the poll's queued changes, then erases again a customer erased while the
	 * poll ran; a failure (an outage) is the first record's.
	 */
	private void write(List<ConsumerRecord<String, Object>> records, StatusWrites writes,
			List<ComplaintEvent> applied) {
		try {
			writes.write();
			this.erasure.eraseRaced(applied);
		}
		catch (RuntimeException ex) {
			throw BatchRecords.failure("Writing the status failed: " + ex.getMessage(), ex, records.get(0));
		}
	}

	void on(ComplaintTriaged event, StatusWrites writes) {
		Deadlines deadlines = event.deadlines();
		Update facts = new Update().setOnInsert("channel", event.channel().name())
			.setOnInsert("customerId", event.customerId());
		Map<MilestoneKind, Instant> promised = promises();
		promise(promised, MilestoneKind.FIRST_RESPONSE, deadlines.firstResponseBy());
		promise(promised, MilestoneKind.ENGINEER_CONTACT, deadlines.engineerContactBy());
		promise(promised, MilestoneKind.PROMISED_ANSWER, deadlines.promisedAnswerBy());
		writes.apply(event.complaintId(), facts, promised, Stage.IN_PROGRESS, event.occurredAt());
	}

	void on(CaseOpened event, StatusWrites writes) {
		Update facts = new Update().setOnInsert("channel", event.channel().name())
			.setOnInsert("customerId", event.customerId())
			.set("caseId", event.caseId());
		Map<MilestoneKind, Instant> promised = promises();
		event.milestones().forEach((milestone) -> promise(promised, milestone.kind(), milestone.dueAt()));
		writes.apply(event.complaintId(), facts, promised, Stage.IN_PROGRESS, event.occurredAt());
	}

	void on(CustomerContacted event, StatusWrites writes) {
		writes.apply(event.complaintId(), caseFacts(event.caseId()), Stage.CONTACTED, event.occurredAt());
		writes.met(event.complaintId(), List.copyOf(event.milestonesMet()), true, event.occurredAt());
	}

	void on(ProgressUpdated event, StatusWrites writes) {
		Map<MilestoneKind, Instant> promised = promises();
		promise(promised, MilestoneKind.PROGRESS_UPDATE, event.nextUpdateDueAt());
		writes.apply(event.complaintId(), caseFacts(event.caseId()), promised, null, event.occurredAt());
		if (event.nextUpdateDueAt() != null) {
			writes.met(event.complaintId(), List.of(MilestoneKind.PROGRESS_UPDATE), false, event.occurredAt());
		}
	}

	void on(RemedyOffered event, StatusWrites writes) {
		writes.apply(event.complaintId(), caseFacts(event.caseId()), Stage.REMEDY_OFFERED, event.occurredAt());
	}

	void on(RemedyChosen event, StatusWrites writes) {
		writes.apply(event.complaintId(), caseFacts(event.caseId()), Stage.REMEDY_CHOSEN, event.occurredAt());
	}

	void on(CaseResolved event, StatusWrites writes) {
		Map<MilestoneKind, Instant> promised = promises();
		promise(promised, MilestoneKind.CALLBACK, event.callbackDueAt());
		writes.apply(event.complaintId(), caseFacts(event.caseId()), promised, Stage.RESOLVED, event.occurredAt());
		// a resolution meets every answer promise (followup meets them all), and ends the
		// progress updates too: a case the callback reopens shows its next update once
		// the agent sends one, never the one from before the resolution
		writes
			.met(event.complaintId(),
					List.of(MilestoneKind.FIRST_RESPONSE, MilestoneKind.ENGINEER_CONTACT, MilestoneKind.PROMISED_ANSWER,
							MilestoneKind.ESCALATED_RESOLUTION, MilestoneKind.PROGRESS_UPDATE),
					true, event.occurredAt());
		// and its callback is a new promise, whatever an earlier callback left
		writes.met(event.complaintId(), List.of(MilestoneKind.CALLBACK), false, event.occurredAt());
	}

	void on(CallbackCompleted event, StatusWrites writes) {
		writes.apply(event.complaintId(), caseFacts(event.caseId()), null, event.occurredAt());
		writes.met(event.complaintId(), List.of(MilestoneKind.CALLBACK), true, event.occurredAt());
	}

	void on(CaseEscalated event, StatusWrites writes) {
		Update facts = caseFacts(event.caseId());
		Map<MilestoneKind, Instant> promised = promises();
		promise(promised, MilestoneKind.ESCALATED_RESOLUTION, event.newDeadline());
		if (event.newDeadline() != null) {
			// the case reopened at its callback: the callback of before is over (the next
			// resolution sets the next one)
			promised.put(MilestoneKind.CALLBACK, null);
		}
		writes.apply(event.complaintId(), facts, promised, stageOf(event.level()), event.occurredAt());
		if (event.newDeadline() != null) {
			// and the experts' deadline is new, so neither is met yet
			writes.met(event.complaintId(), List.of(MilestoneKind.ESCALATED_RESOLUTION, MilestoneKind.CALLBACK), false,
					event.occurredAt());
		}
	}

	/**
	 * The customer sees an expert team when one takes the case and a supervisor when one
	 * oversees it; an agent's own rung is internal and changes nothing they see.
	 */
	private static Stage stageOf(EscalationLevel level) {
		return switch (level) {
			case EXPERT_TEAM -> Stage.ESCALATED;
			case SUPERVISOR -> Stage.SUPERVISED;
			case AGENT -> null;
		};
	}

	void on(CaseWaitingOnCustomer event, StatusWrites writes) {
		Update facts = caseFacts(event.caseId());
		writes.current(event.complaintId())
			.filter((stage) -> stage != Stage.WAITING_ON_CUSTOMER)
			.ifPresent((stage) -> facts.set("resumeStage", stage.name()));
		writes.apply(event.complaintId(), facts, Stage.WAITING_ON_CUSTOMER, event.occurredAt());
	}

	void on(CaseResumed event, StatusWrites writes) {
		Update facts = caseFacts(event.caseId());
		Map<MilestoneKind, Instant> promised = promises();
		event.movedMilestones().forEach((milestone) -> promise(promised, milestone.kind(), milestone.dueAt()));
		Stage resumed = writes.resumeStage(event.complaintId()).orElse(Stage.IN_PROGRESS);
		writes.apply(event.complaintId(), facts, promised, resumed, event.occurredAt());
	}

	void on(CaseClosed event, StatusWrites writes) {
		writes.apply(event.complaintId(), caseFacts(event.caseId()), Stage.CLOSED, event.occurredAt());
	}

	private static Update caseFacts(String caseId) {
		return new Update().set("caseId", caseId);
	}

	/** The deadlines an event promises; a null value withdraws that promise. */
	private static Map<MilestoneKind, Instant> promises() {
		return new EnumMap<>(MilestoneKind.class);
	}

	private static void promise(Map<MilestoneKind, Instant> promised, MilestoneKind kind, Instant dueAt) {
		if (dueAt != null) {
			promised.put(kind, dueAt);
		}
	}

}
