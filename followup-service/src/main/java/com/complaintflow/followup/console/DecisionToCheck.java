package com.complaintflow.followup.console;

import java.time.Instant;
import java.util.List;

import com.complaintflow.followup.cases.CaseOpening;

/**
 * One decision of triage's review list ({@code GET /api/v1/triage/review}) as the console
 * shows it to a supervisor: the value triage gave a field, which source gave it and how
 * sure it was, with the complaint's words to judge it by. Only what the page shows is
 * read, so a language or playbook triage adds later cannot fail the list.
 *
 * @param complaintId the complaint
 * @param receivedAt when triage received it
 * @param value the value triage decided
 * @param decidedBy the source that decided it (hard-rule, model, rules)
 * @param confidence how sure that source was, 0 to 1
 * @param text the complaint's description (none once erased)
 * @param signals the decision's explanation (none from a triage before it was listed)
 */
record DecisionToCheck(String complaintId, Instant receivedAt, String value, String decidedBy, double confidence,
		String text, List<String> signals) {

	DecisionToCheck {
		signals = (signals != null) ? List.copyOf(signals) : List.of();
	}

	/**
	 * The complaint's words that weighed most for the field, where the model decided it.
	 */
	public List<String> words(String field) {
		return TriageReason.modelWords(field, this.signals, this.text);
	}

	/**
	 * The complaint's case (a link to it: the whole story, when the words are not
	 * enough).
	 */
	public String caseId() {
		return CaseOpening.caseIdFor(this.complaintId);
	}

	/**
	 * The decision's field as the page asks about it: the value to offer first (the
	 * model's next most probable where triage was unsure), and that suggestion.
	 */
	public TriageField field(String name) {
		return TriageField.unchecked(name, this.value, this.confidence, this.signals, this.text);
	}

	/** The confidence in whole percent. */
	public long percent() {
		return Math.round(this.confidence * 100);
	}

}
