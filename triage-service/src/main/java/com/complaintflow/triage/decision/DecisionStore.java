package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.mongo.UnorderedBulk;
import com.complaintflow.triage.rules.TriageContext;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The triage database: decisions by complaint id (upserts) and, through
 * {@link CustomerHistory}, each customer's recent complaints.
 */
@Component
class DecisionStore {

	private final MongoTemplate mongo;

	private final CustomerHistory history;

	DecisionStore(MongoTemplate mongo, CustomerHistory history) {
		this.mongo = mongo;
		this.history = history;
	}

	/** The stored decision with the text and sources, if any. */
	Optional<StoredDecision> findStored(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, StoredDecision.class));
	}

	Optional<ComplaintTriaged> find(String complaintId) {
		StoredDecision stored = this.mongo.findById(complaintId, StoredDecision.class);
		return Optional.ofNullable(stored)
			.map((decision) -> EventJson.mapper().readValue(decision.eventJson(), ComplaintTriaged.class));
	}

	/**
	 * The stored decisions of the given complaints, read with one query.
	 * @return the decisions by complaint id; an undecided complaint is absent
	 */
	Map<String, ComplaintTriaged> findAll(Collection<String> complaintIds) {
		Map<String, ComplaintTriaged> found = new HashMap<>();
		for (StoredDecision decision : this.mongo.find(Query.query(Criteria.where("_id").in(complaintIds)),
				StoredDecision.class)) {
			found.put(decision.complaintId(),
					EventJson.mapper().readValue(decision.eventJson(), ComplaintTriaged.class));
		}
		return found;
	}

	/** The customer histories of a poll's customers, read with one query. */
	HistoryBatch histories(Collection<String> customerIds) {
		return this.history.batch(customerIds);
	}

	/** What is stored of a decision. */
	static StoredDecision stored(ComplaintReceived complaint, ComplaintTriaged decision,
			Map<String, String> decidedBy) {
		return new StoredDecision(decision.complaintId(), decision.customerId(), decision.regionCode(),
				complaint.occurredAt(), decision.category(), decision.playbook(), claimedAmount(complaint),
				EventJson.mapper().writeValueAsString(decision), complaint.language(), complaint.description(),
				decidedBy, decision.explanation().confidence());
	}

	/**
	 * Stores decisions in one bulk write of inserts by complaint id; a decision stored
	 * already stays as it is (a second instance that decided the same complaint in a
	 * rebalance publishes the stored decision, not its own: one decision, stored and
	 * published, whichever copy consumers keep).
	 * @return the positions of the decisions that were stored already (not written)
	 */
	Set<Integer> saveAll(List<StoredDecision> decisions) {
		return UnorderedBulk.insertNew(this.mongo, StoredDecision.class, decisions);
	}

	/** Whether a complaint is the customer's claim of an amount (for the history). */
	static boolean claimed(ComplaintReceived complaint) {
		return claimedAmount(complaint) != null;
	}

	/** Marks a complaint's handling as failed, so the customer's next one is valid. */
	void markMishandled(String customerId, String complaintId) {
		this.history.markMishandled(customerId, complaintId);
	}

	/**
	 * Marks a deadline promised on a complaint as breached, so the customer's next one is
	 * valid and over-compensated.
	 */
	void markPromiseBroken(String customerId, String complaintId) {
		this.history.markPromiseBroken(customerId, complaintId);
	}

	/**
	 * What the customer's history says about a new complaint: repeats and claims within
	 * the window, and whether the last one was mishandled.
	 */
	TriageContext history(ComplaintReceived complaint, Duration window) {
		return this.history.contextFor(complaint, window);
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
