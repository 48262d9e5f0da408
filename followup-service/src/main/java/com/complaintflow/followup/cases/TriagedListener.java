package com.complaintflow.followup.cases;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every triage decision; the offset commits after the case is stored and
 * its {@code CaseOpened} acknowledged.
 */
@Component
class TriagedListener {

	private final CaseOpening opening;

	TriagedListener(CaseOpening opening) {
		this.opening = opening;
	}

	@KafkaListener(topics = Topics.TRIAGED)
	void on(ComplaintTriaged event) {
		this.opening.open(event);
	}

}
