package com.complaintflow.followup.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelEvidence;
import com.complaintflow.followup.cases.CaseKind;
import com.complaintflow.followup.cases.CaseView;

/**
 * One field of triage's decision that staff correct or confirm from the case page
 * (category, persona, playbook, churn risk), with the value triage decided, how sure it
 * was, its model's next most probable value, and the values it may take.
 *
 * @param name the field's key in triage's API
 * @param decided the value triage decided
 * @param values every value of the field
 * @param check what staff said of it last, or null
 * @param confidence how sure triage was of the value (0 to 1), or null if not told
 * @param next the value the learned model suggests instead: its next most probable where
 * it decided the field, its most probable other than the decided where the rules did; or
 * null (no model advised, or the decision predates what it said being recorded)
 * @param nextWhy the customer's words behind that value (the n-grams that weighed most
 * for it, widened to the words of the text, {@link TriageReason#words}), quoted and
 * listed ({@code “bill”, “charged”}), or null where triage did not record them or the
 * text is gone
 */
record TriageField(String name, String decided, List<String> values, TriageCheck check, Double confidence, String next,
		String nextWhy) {

	/**
	 * The case's decided fields with what staff said of them (looked up by complaint id
	 * only for a case with a decision of its own), or none for a case without one.
	 */
	static List<TriageField> of(CaseView view, Function<String, Map<String, TriageCheck>> checksOf) {
		if (view.kind() == CaseKind.INCIDENT || view.triage() == null || view.complaintId() == null
				|| view.category() == null) {
			return List.of();
		}
		Map<String, TriageCheck> checks = checksOf.apply(view.complaintId());
		Map<String, Double> confidence = new HashMap<>();
		view.triage().confidence().forEach((known) -> confidence.put(known.field(), known.value()));
		Decision decision = new Decision(view.triage().signals(),
				(view.complaint() != null) ? view.complaint().description() : null);
		return List.of(field("category", view.category(), checks, confidence, decision),
				field("persona", view.triage().persona(), checks, confidence, decision),
				field("playbook", view.playbook(), checks, confidence, decision),
				field("churnRisk", view.triage().churnRisk(), checks, confidence, decision));
	}

	/**
	 * One field of a decision on triage's review list, which no staff member has checked
	 * yet.
	 */
	static TriageField unchecked(String name, String decided, double confidence, List<String> signals, String text) {
		return of(name, decided, null, confidence, new Decision(signals, text));
	}

	/** The fields triage was unsure of and no staff member has checked yet. */
	static List<TriageField> unsure(List<TriageField> fields) {
		return fields.stream().filter(TriageField::unsure).toList();
	}

	/** Whether triage was unsure of the value and no staff member has checked it yet. */
	public boolean unsure() {
		return this.check == null && Explanation.unsure(this.confidence);
	}

	/** How sure triage was, in whole percent (0 when not told). */
	public long percent() {
		return (this.confidence != null) ? Math.round(this.confidence * 100) : 0;
	}

	/** The field's values. */
	static List<String> values(String field) {
		return DecisionCorrected.FIELDS.get(field);
	}

	/** Whether the value is one of the field's. */
	static boolean allows(String field, String value) {
		return field != null && DecisionCorrected.FIELDS.containsKey(field)
				&& (value == null || DecisionCorrected.FIELDS.get(field).contains(value));
	}

	/**
	 * The value the form's "Correct to" offers first: the value the model suggests where
	 * triage was unsure, else the value decided.
	 */
	public String offered() {
		return (unsure() && this.next != null) ? this.next : this.decided;
	}

	private static TriageField field(String name, Enum<?> decided, Map<String, TriageCheck> checks,
			Map<String, Double> confidence, Decision decision) {
		return of(name, (decided != null) ? decided.name() : null, checks.get(name), confidence.get(name), decision);
	}

	private static TriageField of(String name, String decided, TriageCheck check, Double confidence,
			Decision decision) {
		String next = ModelAdvice.suggestion(decision.signals(), name, decided);
		List<String> why = (next != null) ? TriageReason.words(ModelEvidence.of(decision.signals(), name, next),
				decision.signals(), decision.text()) : List.of();
		return new TriageField(name, decided, DecisionCorrected.FIELDS.get(name), check, confidence, next,
				why.isEmpty() ? null : why.stream().map((word) -> "“" + word + "”").collect(Collectors.joining(", ")));
	}

	/**
	 * What the console reads of a decision: its explanation's signals and the complaint's
	 * text (null once erased).
	 */
	private record Decision(List<String> signals, String text) {
	}

}
