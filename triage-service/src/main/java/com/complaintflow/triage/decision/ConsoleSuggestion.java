package com.complaintflow.triage.decision;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;

/**
 * The value followup's console suggests when a staff member checks a field: on the first
 * check of a field triage was under 50 % sure of, the learned model's most probable value
 * other than triage's ({@link ModelAdvice#suggestion}); on any other check none.
 */
final class ConsoleSuggestion {

	private ConsoleSuggestion() {
	}

	/**
	 * The suggested value, or null.
	 * @param explanation the explanation of the decision checked
	 * @param field the field checked
	 * @param decided the value triage decided
	 * @param firstCheck whether no staff member had checked the field before (no
	 * correction in force)
	 */
	static String of(Explanation explanation, String field, String decided, boolean firstCheck) {
		if (!firstCheck || !Explanation.unsure(explanation.confidence().get(field))) {
			return null;
		}
		return ModelAdvice.suggestion(explanation.signals(), field, decided);
	}

}
