package com.complaintflow.followup.console;

import java.time.Instant;

import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;

/**
 * One decision of triage's review list ({@code GET /api/v1/triage/review}) as the console
 * shows it to a supervisor: the value triage gave a field, which source gave it and how
 * sure it was, with the complaint's words to judge it by.
 *
 * @param complaintId the complaint
 * @param receivedAt when triage received it
 * @param language the text's language
 * @param field the field to check
 * @param value the value triage decided
 * @param decidedBy the source that decided it (hard-rule, model, rules)
 * @param confidence how sure that source was, 0 to 1
 * @param playbook the playbook triage chose
 * @param text the complaint's description (none once erased)
 */
record DecisionToCheck(String complaintId, Instant receivedAt, Language language, String field, String value,
		String decidedBy, double confidence, Playbook playbook, String text) {

	/** The confidence in whole percent. */
	public long percent() {
		return Math.round(this.confidence * 100);
	}

}
