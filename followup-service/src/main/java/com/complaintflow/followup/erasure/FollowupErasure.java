package com.complaintflow.followup.erasure;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Customer;
import com.complaintflow.followup.oncall.OnCallSettings;
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
 * incident case it happened to open (the outage's case stays, keyed to nobody). In the
 * Alertmanager format a page of one of the cases is resolved, not dropped: it stays in
 * the outbox without its event (which names the customer) until the resolution is posted,
 * so Alertmanager stops paging for a case that no longer exists.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FollowupErasure implements CustomerDataEraser {

	private static final String ON_CALL_OUTBOX = "oncall_outbox";

	private final MongoTemplate mongo;

	private final OnCallSettings onCall;

	private final Clock clock;

	FollowupErasure(MongoTemplate mongo, OnCallSettings onCall, Clock clock) {
		this.mongo = mongo;
		this.onCall = onCall;
		this.clock = clock;
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
		if (this.onCall.format() == OnCallSettings.Format.ALERTMANAGER) {
			put(erased, "oncall_outbox:resolving", resolvePages(caseIds));
		}
		else {
			put(erased, ON_CALL_OUTBOX, this.mongo.remove(byCase, ON_CALL_OUTBOX).getDeletedCount());
		}
		put(erased, "oncall_delivered", this.mongo.remove(byCase, "oncall_delivered").getDeletedCount());
		put(erased, "outbox_pending",
				this.mongo.remove(Query.query(Criteria.where("_id").in(caseIds)), "outbox_pending").getDeletedCount());
		put(erased, "notification_optouts",
				this.mongo.remove(Query.query(Criteria.where("_id").is(customerId)), "notification_optouts")
					.getDeletedCount());
		return erased;
	}

	/**
	 * Turns the cases' alerts still in the outbox into resolutions due now (one already
	 * resolving keeps its time), without their event: any of them may be firing at a
	 * receiver (a page posted to some receivers only is still PENDING).
	 */
	private long resolvePages(List<Object> caseIds) {
		Date now = Date.from(this.clock.instant());
		// the lease is taken away too: a delivery in flight then writes nothing back (its
		// updates match its lease), neither FIRING over this nor a delivered copy
		this.mongo.updateMulti(Query.query(Criteria.where("caseId").in(caseIds).and("status").in("PENDING", "FIRING")),
				new Update().set("status", "RESOLVING")
					.set("resolvedAt", now)
					.set("missing", null)
					.set("attempts", 0)
					.set("nextAttemptAt", now)
					.set("leaseOwner", null)
					.set("leaseUntil", new Date(0)),
				ON_CALL_OUTBOX);
		return this.mongo
			.updateMulti(Query.query(Criteria.where("caseId").in(caseIds)), new Update().unset("eventJson"),
					ON_CALL_OUTBOX)
			.getMatchedCount();
	}

	private static void put(Map<String, Long> erased, String collection, long count) {
		if (count > 0) {
			erased.put(collection, count);
		}
	}

}
