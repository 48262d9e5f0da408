package com.complaintflow.triage.decision;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Triages every complaint intake accepted; the offset commits after the decision is
 * stored and acknowledged by the broker.
 */
@Component
class ComplaintListener {

	private final Triage triage;

	ComplaintListener(Triage triage) {
		this.triage = triage;
	}

	@KafkaListener(topics = Topics.RECEIVED)
	void on(ComplaintReceived complaint) {
		this.triage.triage(complaint);
	}

}
