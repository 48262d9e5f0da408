package com.complaintflow.followup.console;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.followup.cases.CaseKind;
import com.complaintflow.followup.cases.CaseView;

/**
 * One field of triage's decision that staff correct or confirm from the case page
 * (category, persona, playbook, churn risk), with the value triage decided and the values
 * it may take.
 *
 * @param name the field's key in triage's API
 * @param decided the value triage decided
 * @param values every value of the field
 * @param check what staff said of it last, or null
 */
record TriageField(String name, String decided, List<String> values, TriageCheck check) {

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
		return List.of(field("category", view.category(), checks), field("persona", view.triage().persona(), checks),
				field("playbook", view.playbook(), checks), field("churnRisk", view.triage().churnRisk(), checks));
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

	private static TriageField field(String name, Enum<?> decided, Map<String, TriageCheck> checks) {
		return new TriageField(name, (decided != null) ? decided.name() : null, DecisionCorrected.FIELDS.get(name),
				checks.get(name));
	}

}
