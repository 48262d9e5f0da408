package com.complaintflow.triage.model.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.RulesReason;
import com.complaintflow.triage.rules.Verdict;

/**
 * What one decision chose per field, and which fields a hard rule decided.
 *
 * @param values field key to value
 * @param hard the fields a hard rule decided, each to the rule's id
 * @param decidedBy field key to its source (hard-rule, model, rules)
 * @param signals the signal ids the rules fired in the text
 * @param confidence field key to how sure the decision was of its value (0 to 1)
 */
public record RuleOutcome(Map<String, String> values, Map<String, String> hard, Map<String, String> decidedBy,
		List<String> signals, Map<String, Double> confidence) {

	/** The outcome of a verdict on a text whose rules fired the given signals. */
	public static RuleOutcome of(Verdict verdict, List<String> signals) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("category", verdict.category().name());
		values.put("emotion", verdict.emotion().name());
		values.put("rootCause", verdict.rootCauseLayer().name());
		values.put("churnRisk", verdict.churnRisk().name());
		values.put("nature", verdict.nature().name());
		values.put("persona", verdict.persona().name());
		values.put("playbook", verdict.playbook().name());
		Map<String, String> hard = new LinkedHashMap<>();
		verdict.decidedBy().forEach((field, source) -> {
			if (source.equals("hard-rule")) {
				hard.put(field, ruleId(field, verdict.explanation().signals()));
			}
		});
		return new RuleOutcome(values, hard, verdict.decidedBy(), List.copyOf(signals),
				verdict.explanation().confidence());
	}

	/**
	 * The id of the rule that decided a field, from its reason among the signals
	 * ({@code rule:category.safety-first}), or "?" if none reads so.
	 */
	private static String ruleId(String field, List<String> signals) {
		return signals.stream()
			.map(RulesReason::parse)
			.filter((reason) -> reason != null && reason.ruleId() != null && reason.field().equals(field))
			.map(RulesReason::ruleId)
			.findFirst()
			.orElse("?");
	}

}
