package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.triage.rules.TriageContext;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The triage database: decisions by complaint id (upserts) and the customer history read
 * from them.
 */
@Component
class DecisionStore {

	private final MongoTemplate mongo;

	DecisionStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(StoredDecision.class)
			.createIndex(new Index().on("customerId", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC));
	}

	Optional<ComplaintTriaged> find(String complaintId) {
		StoredDecision stored = this.mongo.findById(complaintId, StoredDecision.class);
		return Optional.ofNullable(stored)
			.map((decision) -> EventJson.mapper().readValue(decision.eventJson(), ComplaintTriaged.class));
	}

	void save(ComplaintReceived complaint, ComplaintTriaged decision) {
		this.mongo.save(new StoredDecision(decision.complaintId(), decision.customerId(), decision.regionCode(),
				complaint.occurredAt(), decision.category(), decision.playbook(), claimedAmount(complaint), false,
				EventJson.mapper().writeValueAsString(decision)));
	}

	/** Marks a complaint's handling as failed, so the customer's next one is valid. */
	void markMishandled(String complaintId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(complaintId)), Update.update("mishandled", true),
				StoredDecision.class);
	}

	/**
	 * What the customer's history says about a new complaint: repeats and claims within
	 * the window, and whether the last one was mishandled.
	 */
	TriageContext history(ComplaintReceived complaint, Duration window) {
		Instant receivedAt = complaint.occurredAt();
		Criteria earlier = Criteria.where("customerId")
			.is(complaint.customerId())
			.and("receivedAt")
			.gte(receivedAt.minus(window))
			.lte(receivedAt)
			.and("_id")
			.ne(complaint.complaintId());
		Query query = Query.query(earlier).with(Sort.by(Sort.Direction.DESC, "receivedAt"));
		var previous = this.mongo.find(query, StoredDecision.class);
		int claims = (int) previous.stream().filter((decision) -> decision.claimedAmount() != null).count();
		boolean lastMishandled = !previous.isEmpty() && previous.get(0).mishandled();
		return new TriageContext(previous.size(), claims, lastMishandled, null);
	}

	private static BigDecimal claimedAmount(ComplaintReceived complaint) {
		if (complaint.expectedRemedy() != null && complaint.expectedRemedy().amount() != null
				&& (complaint.expectedRemedy().kind() == ExpectedRemedyKind.COMPENSATION
						|| complaint.expectedRemedy().kind() == ExpectedRemedyKind.REFUND)
				&& complaint.expectedRemedy().amount().signum() > 0) {
			return complaint.expectedRemedy().amount();
		}
		return null;
	}

}
