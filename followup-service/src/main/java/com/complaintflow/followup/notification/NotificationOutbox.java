package com.complaintflow.followup.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.NotificationRequested;
import com.complaintflow.support.mongo.UnorderedBulk;
import org.bson.Document;

import org.springframework.data.domain.Sort;
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

	private final NotificationDelivery delivery;

	NotificationOutbox(MongoTemplate mongo, NotificationDelivery delivery) {
		this.mongo = mongo;
		this.delivery = delivery;
	}

	/**
	 * Stores requested notices once each, in bulk: those not finished already (one
	 * {@code _id $in} read of {@code notification_delivered}) are inserted in one bulk
	 * write, those pending already left alone; then those just inserted but delivered by
	 * another instance meanwhile (a second read) are removed again, so none is sent
	 * twice.
	 */
	void enqueueAll(List<NotificationRequested> requests) {
		Map<String, Notification> fresh = new LinkedHashMap<>();
		requests.forEach((request) -> fresh.putIfAbsent(request.eventId().toString(), Notification.of(request)));
		fresh.keySet().removeAll(delivered(fresh.keySet()));
		if (fresh.isEmpty()) {
			return;
		}
		List<Notification> notices = List.copyOf(fresh.values());
		Set<Integer> existed = UnorderedBulk.insertNew(this.mongo, Notification.class, notices);
		List<String> inserted = new ArrayList<>();
		for (int i = 0; i < notices.size(); i++) {
			if (!existed.contains(i)) {
				inserted.add(notices.get(i).getId());
			}
		}
		Set<String> late = delivered(inserted);
		if (!late.isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").in(late)), OUTBOX);
		}
		if (late.size() < inserted.size()) {
			this.delivery.wake();
		}
	}

	/** Which of these notices are finished (one read by {@code _id}). */
	private Set<String> delivered(Collection<String> ids) {
		Set<String> found = new HashSet<>();
		if (ids.isEmpty()) {
			return found;
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("_id");
		this.mongo.find(query, Document.class, DELIVERED).forEach((doc) -> found.add(doc.getString("_id")));
		return found;
	}

	/**
	 * A customer's newest notices, pending and finished, at most {@code limit}, oldest
	 * first.
	 */
	List<Notification> forCustomer(String customerId, int limit) {
		Comparator<Notification> oldestFirst = Comparator.comparing(Notification::getRequestedAt)
			.thenComparing(Notification::getId);
		Query query = Query.query(Criteria.where("customerId").is(customerId))
			.with(Sort.by(Sort.Direction.DESC, "requestedAt", "_id"))
			.limit(limit);
		List<Notification> newest = new ArrayList<>(this.mongo.find(query, Notification.class, OUTBOX));
		newest.addAll(this.mongo.find(query, Notification.class, DELIVERED));
		newest.sort(oldestFirst.reversed());
		List<Notification> shown = new ArrayList<>(newest.subList(0, Math.min(limit, newest.size())));
		shown.sort(oldestFirst);
		return shown;
	}

}
