package com.complaintflow.followup.oncall;

import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.kafka.EventJson;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every breach and escalation for the on-call webhook in MongoDB before the
 * reminder is published; a repeated reminder (same event id) adds nothing.
 */
@Component
public class OnCallOutbox {

	private final MongoTemplate mongo;

	OnCallOutbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores the alert of a breach or escalation once. */
	public void enqueue(ReminderRaised reminder) {
		try {
			this.mongo.insert(new OnCallAlert(reminder.eventId().toString(), reminder.caseId(), reminder.milestone(),
					reminder.kind(), reminder.level(), reminder.queue(), reminder.priority(), reminder.dueAt(),
					reminder.occurredAt(), EventJson.mapper().writeValueAsString(reminder)));
		}
		catch (DuplicateKeyException ex) {
			// raised before (a retry after a crash): the alert is already kept
		}
	}

}
