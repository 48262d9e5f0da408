package com.complaintflow.triage.decision;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.Topics;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the customer history from follow-up: a case whose deadline was breached, that was
 * escalated, or whose customer churned was mishandled, so the customer's next complaint
 * is treated as valid; a breached deadline is a broken promise, so the next complaint's
 * remedies are over-compensated too.
 */
@Component
@KafkaListener(topics = { Topics.CASES, Topics.REMINDERS })
class CaseOutcomeListener {

	private final DecisionStore store;

	CaseOutcomeListener(DecisionStore store) {
		this.store = store;
	}

	@KafkaHandler
	void on(CaseEscalated event) {
		this.store.markMishandled(event.customerId(), event.complaintId());
	}

	@KafkaHandler
	void on(CaseClosed event) {
		if (event.outcome() == Outcome.CHURNED) {
			this.store.markMishandled(event.customerId(), event.complaintId());
		}
	}

	@KafkaHandler
	void on(ReminderRaised event) {
		if (event.kind() == ReminderKind.BREACH) {
			this.store.markPromiseBroken(event.customerId(), event.complaintId());
		}
	}

	@KafkaHandler(isDefault = true)
	void ignore(Object event) {
		// other case events say nothing about mishandling
	}

}
