package com.complaintflow.followup.notification;

import java.time.Instant;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Customers who asked to receive no notices ({@code notification_optouts}, one document
 * per customer id); their notices are recorded as suppressed instead of sent.
 */
@Component
class OptOuts {

	static final String COLLECTION = "notification_optouts";

	private final MongoTemplate mongo;

	OptOuts(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	boolean optedOut(String customerId) {
		return this.mongo.exists(byId(customerId), COLLECTION);
	}

	/** Records the opt-out; repeating it changes nothing. */
	void optOut(String customerId, String staffId, Instant at) {
		this.mongo.upsert(byId(customerId), new Update().setOnInsert("since", at).setOnInsert("recordedBy", staffId),
				COLLECTION);
	}

	/** Removes the opt-out, if any. */
	void optIn(String customerId) {
		this.mongo.remove(byId(customerId), COLLECTION);
	}

	/** When the customer opted out, or null. */
	Instant since(String customerId) {
		Document found = this.mongo.findOne(byId(customerId), Document.class, COLLECTION);
		return (found != null) ? found.get("since", java.util.Date.class).toInstant() : null;
	}

	private static Query byId(String customerId) {
		return Query.query(Criteria.where("_id").is(customerId));
	}

}
