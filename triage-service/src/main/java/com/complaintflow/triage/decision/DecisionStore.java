package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.triage.rules.TriageContext;

import org.springframework.data.mongodb.core.MongoTemplate;
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
	 * Stores a decision and adds the complaint to its customer's history (history first:
	 * a crash in between leaves the complaint undecided, and deciding it again adds
	 * nothing).
	 */
	void save(ComplaintReceived complaint, ComplaintTriaged decision, Map<String, String> decidedBy) {
		BigDecimal claimed = claimedAmount(complaint);
		this.history.add(complaint.customerId(),
				new PastComplaint(complaint.complaintId(), complaint.occurredAt(), claimed != null, false));
		this.mongo.save(new StoredDecision(decision.complaintId(), decision.customerId(), decision.regionCode(),
				complaint.occurredAt(), decision.category(), decision.playbook(), claimed,
				EventJson.mapper().writeValueAsString(decision), complaint.language(), complaint.description(),
				decidedBy));
	}

	/** Marks a complaint's handling as failed, so the customer's next one is valid. */
	void markMishandled(String customerId, String complaintId) {
		this.history.markMishandled(customerId, complaintId);
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
