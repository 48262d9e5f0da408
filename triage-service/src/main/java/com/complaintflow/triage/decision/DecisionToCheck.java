package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;

/**
 * One decision a supervisor is asked to check: the value triage gave a field, which
 * source gave it and how sure it was, with the complaint's words to judge it by.
 *
 * @param complaintId the complaint
 * @param receivedAt when triage received it
 * @param language the text's language
 * @param field the field to check
 * @param value the value triage decided
 * @param decidedBy the source that decided it (hard-rule, model, rules)
 * @param confidence how sure that source was (the model's calibrated probability where it
 * decided)
 * @param playbook the playbook triage chose
 * @param text the complaint's description
 * @param signals the decision's explanation (why each field was decided; for the model
 * the n-grams that weighed most)
 */
record DecisionToCheck(String complaintId, Instant receivedAt, Language language, String field, String value,
		String decidedBy, double confidence, Playbook playbook, String text, List<String> signals) {
}
