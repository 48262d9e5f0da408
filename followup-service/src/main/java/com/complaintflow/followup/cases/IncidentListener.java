package com.complaintflow.followup.cases;

import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens or updates the incident case of every detected outage revision.
 */
@Component
class IncidentListener {

	private final IncidentCases incidents;

	IncidentListener(IncidentCases incidents) {
		this.incidents = incidents;
	}

	@KafkaListener(topics = Topics.INCIDENTS)
	void on(IncidentDetected event) {
		this.incidents.on(event);
	}

}
