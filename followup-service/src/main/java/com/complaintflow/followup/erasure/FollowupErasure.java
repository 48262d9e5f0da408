package com.complaintflow.followup.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Customer;
import com.complaintflow.support.erasure.CustomerDataEraser;
import org.bson.Document;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Followup's own part of an erasure, run before the customer's documents are deleted
 * ({@code CustomerDocuments} deletes the cases, notices and any other document with the
 * customer's id): the on-call alerts and outbox entries of the customer's cases (keyed by
 * case id), the notice opt-out (keyed by customer id), and the customer's id on an
 * incident case it happened to open (the outage's case stays, keyed to nobody).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FollowupErasure implements CustomerDataEraser {

	private final MongoTemplate mongo;

	FollowupErasure(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Long> erase(String customerId) {
		Map<String, Long> erased = new LinkedHashMap<>();
		Query incidents = Query.query(Criteria.where("customerId").is(customerId).and("kind").is("INCIDENT"));
		put(erased, "cases:incident-rekeyed",
				this.mongo
					.updateMulti(incidents, new Update().set("customerId", Customer.ERASED_ID).inc("version", 1),
							"cases")
					.getModifiedCount());
		Query ofCustomer = Query.query(Criteria.where("customerId").is(customerId));
		ofCustomer.fields().include("_id");
		List<Object> caseIds = this.mongo.find(ofCustomer, Document.class, "cases")
			.stream()
			.map((c) -> c.get("_id"))
			.toList();
		Query byCase = Query.query(Criteria.where("caseId").in(caseIds));
		for (String collection : List.of("oncall_outbox", "oncall_delivered")) {
			put(erased, collection, this.mongo.remove(byCase, collection).getDeletedCount());
		}
		put(erased, "outbox_pending",
				this.mongo.remove(Query.query(Criteria.where("_id").in(caseIds)), "outbox_pending").getDeletedCount());
		put(erased, "notification_optouts",
				this.mongo.remove(Query.query(Criteria.where("_id").is(customerId)), "notification_optouts")
					.getDeletedCount());
		return erased;
	}

	private static void put(Map<String, Long> erased, String collection, long count) {
		if (count > 0) {
			erased.put(collection, count);
		}
	}

}
