package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.Date;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.RemedyChosen;
import com.complaintflow.events.RemedyOffered;
import com.complaintflow.events.Topics;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer-facing status current from triage decisions and the case lifecycle;
 * at-least-once, every effect an idempotent upsert.
 */
@Component
@KafkaListener(topics = { Topics.TRIAGED, Topics.CASES })
class StatusListener {

	private final StatusProjection projection;

	StatusListener(StatusProjection projection) {
		this.projection = projection;
	}

	@KafkaHandler
	void on(ComplaintTriaged event) {
		Deadlines deadlines = event.deadlines();
		Update facts = new Update().setOnInsert("channel", event.channel().name())
			.setOnInsert("customerId", event.customerId());
		deadline(facts, MilestoneKind.FIRST_RESPONSE, deadlines.firstResponseBy());
		deadline(facts, MilestoneKind.ENGINEER_CONTACT, deadlines.engineerContactBy());
		deadline(facts, MilestoneKind.PROMISED_ANSWER, deadlines.promisedAnswerBy());
		this.projection.apply(event.complaintId(), facts, Stage.IN_PROGRESS, event.occurredAt());
	}

	@KafkaHandler
	void on(CaseOpened event) {
		Update facts = new Update().setOnInsert("channel", event.channel().name())
			.setOnInsert("customerId", event.customerId())
			.set("caseId", event.caseId());
		event.milestones().forEach((milestone) -> deadline(facts, milestone.kind(), milestone.dueAt()));
		this.projection.apply(event.complaintId(), facts, Stage.IN_PROGRESS, event.occurredAt());
	}

	@KafkaHandler
	void on(CustomerContacted event) {
		Update facts = caseFacts(event.caseId());
		if (!event.milestonesMet().isEmpty()) {
			facts.addToSet("met").each(event.milestonesMet().stream().map(MilestoneKind::name).toArray());
		}
		this.projection.apply(event.complaintId(), facts, Stage.CONTACTED, event.occurredAt());
	}

	@KafkaHandler
	void on(ProgressUpdated event) {
		Update facts = caseFacts(event.caseId());
		deadline(facts, MilestoneKind.PROGRESS_UPDATE, event.nextUpdateDueAt());
		this.projection.apply(event.complaintId(), facts, null, event.occurredAt());
	}

	@KafkaHandler
	void on(RemedyOffered event) {
		this.projection.apply(event.complaintId(), caseFacts(event.caseId()), Stage.REMEDY_OFFERED, event.occurredAt());
	}

	@KafkaHandler
	void on(RemedyChosen event) {
		this.projection.apply(event.complaintId(), caseFacts(event.caseId()), Stage.REMEDY_CHOSEN, event.occurredAt());
	}

	@KafkaHandler
	void on(CaseResolved event) {
		Update facts = caseFacts(event.caseId());
		deadline(facts, MilestoneKind.CALLBACK, event.callbackDueAt());
		facts.addToSet("met").each(MilestoneKind.PROMISED_ANSWER.name(), MilestoneKind.ESCALATED_RESOLUTION.name());
		this.projection.apply(event.complaintId(), facts, Stage.RESOLVED, event.occurredAt());
	}

	@KafkaHandler
	void on(CallbackCompleted event) {
		Update facts = caseFacts(event.caseId()).addToSet("met", MilestoneKind.CALLBACK.name());
		this.projection.apply(event.complaintId(), facts, null, event.occurredAt());
	}

	@KafkaHandler
	void on(CaseEscalated event) {
		Update facts = caseFacts(event.caseId());
		deadline(facts, MilestoneKind.ESCALATED_RESOLUTION, event.newDeadline());
		if (event.newDeadline() != null) {
			facts.pull("met", MilestoneKind.ESCALATED_RESOLUTION.name());
		}
		this.projection.apply(event.complaintId(), facts, stageOf(event.level()), event.occurredAt());
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

	@KafkaHandler
	void on(CaseWaitingOnCustomer event) {
		Update facts = caseFacts(event.caseId());
		this.projection.current(event.complaintId())
			.filter((stage) -> stage != Stage.WAITING_ON_CUSTOMER)
			.ifPresent((stage) -> facts.set("resumeStage", stage.name()));
		this.projection.apply(event.complaintId(), facts, Stage.WAITING_ON_CUSTOMER, event.occurredAt());
	}

	@KafkaHandler
	void on(CaseResumed event) {
		Update facts = caseFacts(event.caseId());
		event.movedMilestones().forEach((milestone) -> deadline(facts, milestone.kind(), milestone.dueAt()));
		Stage resumed = this.projection.resumeStage(event.complaintId()).orElse(Stage.IN_PROGRESS);
		this.projection.apply(event.complaintId(), facts, resumed, event.occurredAt());
	}

	@KafkaHandler
	void on(CaseClosed event) {
		this.projection.apply(event.complaintId(), caseFacts(event.caseId()), Stage.CLOSED, event.occurredAt());
	}

	@KafkaHandler(isDefault = true)
	void ignore(ComplaintEvent event) {
		// Reminders and other events do not change what the customer sees.
	}

	private static Update caseFacts(String caseId) {
		return new Update().set("caseId", caseId);
	}

	private static void deadline(Update facts, MilestoneKind kind, Instant dueAt) {
		if (dueAt != null) {
			facts.set("deadlines." + kind.name(), Date.from(dueAt));
		}
	}

}
