package com.complaintflow.followup.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.complaintflow.events.NotificationRequested;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps every requested notice in MongoDB until it is delivered: a repeated request (same
 * event id) adds nothing, whether the first copy is still pending
 * ({@code notification_outbox}) or finished already ({@code notification_delivered}).
 */
@Component
class NotificationOutbox {

	static final String OUTBOX = "notification_outbox";

	static final String DELIVERED = "notification_delivered";

	private final MongoTemplate mongo;

	NotificationOutbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Stores a requested notice once. */
	void enqueue(NotificationRequested request) {
		Query byId = Query.query(Criteria.where("_id").is(request.eventId().toString()));
		if (this.mongo.exists(byId, DELIVERED)) {
			return;
		}
		try {
			this.mongo.insert(Notification.of(request), OUTBOX);
			// delivered by another instance between the check and the insert: not twice
			if (this.mongo.exists(byId, DELIVERED)) {
				this.mongo.remove(byId, OUTBOX);
			}
		}
		catch (DuplicateKeyException ex) {
			// requested before (a redelivery): already kept
		}
	}

	/** A customer's notices, pending and finished, oldest first. */
	List<Notification> forCustomer(String customerId) {
		Query query = Query.query(Criteria.where("customerId").is(customerId));
		List<Notification> all = new ArrayList<>(this.mongo.find(query, Notification.class, OUTBOX));
		all.addAll(this.mongo.find(query, Notification.class, DELIVERED));
		all.sort(Comparator.comparing(Notification::getRequestedAt).thenComparing(Notification::getId));
		return all;
	}

}
