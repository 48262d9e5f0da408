package com.complaintflow.followup.oncall;

import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.kafka.EventJson;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps every breach and escalation for the on-call webhook in MongoDB before the
 * reminder is published; a repeated reminder (same event id) adds nothing, whether the
 * first copy is still pending ({@code oncall_outbox}) or delivered already
 * ({@code oncall_delivered}).
 */
@Component
public class OnCallOutbox {

	private final MongoTemplate mongo;

	private final OnCallDelivery delivery;

	OnCallOutbox(MongoTemplate mongo, OnCallDelivery delivery) {
		this.mongo = mongo;
		this.delivery = delivery;
	}

	/**
	 * Stores the alert of a breach or escalation once.
	 * @param reminder the breach or escalation
	 * @param milestoneId the milestone it is raised for (its case's breach check reads
	 * that milestone)
	 */
	public void enqueue(ReminderRaised reminder, String milestoneId) {
		String id = reminder.eventId().toString();
		try {
			this.mongo.insert(new OnCallAlert(reminder.eventId().toString(), reminder.caseId(), milestoneId,
					reminder.milestone(), reminder.kind(), reminder.level(), reminder.queue(), reminder.priority(),
					reminder.dueAt(), reminder.occurredAt(), EventJson.mapper().writeValueAsString(reminder)));
			// a copy delivered before (then moved out of the outbox) must not page twice;
			// checked after the insert, so a delivery finishing meanwhile is seen
			if (this.mongo.exists(Query.query(Criteria.where("_id").is(id)), OnCallDelivery.DELIVERED)) {
				this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), OnCallAlert.class);
			}
			else {
				this.delivery.wake();
			}
		}
		catch (DuplicateKeyException ex) {
			// raised before (a retry after a crash): the alert is already kept
		}
	}

}
