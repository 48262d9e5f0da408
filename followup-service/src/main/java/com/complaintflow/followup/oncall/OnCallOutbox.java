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
	 * Stores the alert of a breach or escalation once. A reminder fired again with the
	 * same id (its broker acknowledgement timed out, or its instance died before
	 * recording it) finds its alert pending in {@code oncall_outbox} (the insert adds
	 * nothing) or delivered in {@code oncall_delivered}, checked before the insert, so
	 * nothing a poller could claim is inserted. A delivery that moves the first copy
	 * between that check and the insert is seen by a second check after it, which removes
	 * the copy just inserted; the window left is a poll claiming that copy in the instant
	 * between the insert and that removal, after such a move, and it pages a second time.
	 * @param reminder the breach or escalation
	 * @param milestoneId the milestone it is raised for (its case's breach check reads
	 * that milestone)
	 */
	public void enqueue(ReminderRaised reminder, String milestoneId) {
		Query byId = Query.query(Criteria.where("_id").is(reminder.eventId().toString()));
		if (delivered(byId)) {
			return;
		}
		try {
			this.mongo.insert(new OnCallAlert(reminder.eventId().toString(), reminder.caseId(), milestoneId,
					reminder.milestone(), reminder.kind(), reminder.level(), reminder.queue(), reminder.priority(),
					reminder.dueAt(), reminder.occurredAt(), EventJson.mapper().writeValueAsString(reminder)));
		}
		catch (DuplicateKeyException ex) {
			// raised before (a retry after a crash): the alert is already kept
			return;
		}
		if (delivered(byId)) {
			// the first copy was moved between the check and the insert
			this.mongo.findAndRemove(byId, OnCallAlert.class);
		}
		else {
			this.delivery.wake();
		}
	}

	private boolean delivered(Query byId) {
		return this.mongo.exists(byId, OnCallDelivery.DELIVERED);
	}

}
