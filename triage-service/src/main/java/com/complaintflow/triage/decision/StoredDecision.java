package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Instant;

import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.DecidedBy;
import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored triage decision: the published event as JSON, plus the fields operators query
 * it by.
 *
 * @param complaintId the complaint (also the document id, so storing is an upsert)
 * @param customerId the customer
 * @param regionCode the region
 * @param receivedAt when intake received the complaint
 * @param category the category
 * @param playbook the playbook
 * @param claimedAmount the amount the customer demanded, or null
 * @param eventJson the published {@code ComplaintTriaged}
 * @param language the complaint's language
 * @param text the complaint's description, kept so that a staff correction becomes a
 * labelled training example
 * @param decidedBy per field, which source decided it (hard-rule, model, rules)
 * @param confidence per field, the confidence of the decision (the model's calibrated
 * probability where it decided; null for decisions stored before it was kept), by which
 * {@link LeastSureDecisions} orders the decisions to check
 */
@Document("decisions")
record StoredDecision(@Id String complaintId, String customerId, String regionCode, Instant receivedAt,
		Category category, Playbook playbook, BigDecimal claimedAmount, String eventJson, Language language,
		String text, Map<String, String> decidedBy, Map<String, Double> confidence) {

	/**
	 * Which source decided a field ({@link DecidedBy}): the rules for a decision stored
	 * before the sources were.
	 */
	String decidedBy(String field) {
		return (this.decidedBy != null) ? this.decidedBy.getOrDefault(field, DecidedBy.RULES) : DecidedBy.RULES;
	}
}
