package com.complaintflow.followup.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Topics;
import com.complaintflow.support.kafka.BatchRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens or updates the incident case of every detected outage, a poll at a time: a
 * revision that a later record of the same poll supersedes (the same incident, a higher
 * revision, which lists every member the earlier one did) is skipped, so a growing outage
 * costs one update per poll, not one per revision. A record that fails is reported by
 * itself after the records before it.
 */
@Component
class IncidentListener {

	private final IncidentCases incidents;

	IncidentListener(IncidentCases incidents) {
		this.incidents = incidents;
	}

	@KafkaListener(topics = Topics.INCIDENTS, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		Map<String, Integer> latest = new HashMap<>();
		for (ConsumerRecord<String, Object> record : records) {
			if (record.value() instanceof IncidentDetected incident) {
				latest.merge(incident.incidentId(), incident.revision(), Math::max);
			}
		}
		for (ConsumerRecord<String, Object> record : records) {
			try {
				IncidentDetected incident = BatchRecords.event(record, IncidentDetected.class);
				if (incident.revision() >= latest.get(incident.incidentId())) {
					this.incidents.on(incident);
					// a later record with the same revision (a republished copy) is
					// skipped
					latest.put(incident.incidentId(), incident.revision() + 1);
				}
			}
			catch (RuntimeException ex) {
				// by record, not index: a filter (re-drives for other groups) may have
				// shortened the batch
				throw BatchRecords.failure("Cannot apply the incident: " + ex.getMessage(), ex, record);
			}
		}
	}

}
