package com.complaintflow.triage.model.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.complaintflow.events.DecidedBy;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.RulesReason;
import com.complaintflow.triage.rules.Verdict;

/**
 * What one decision chose per field, and what in the rules decided each field the model
 * did not.
 *
 * @param values field key to value
 * @param rulesBy the fields the rules decided, each to what in them did: the rule's id,
 * or {@code (score)}, {@code (default)}, {@code (fallback)}
 * @param decidedBy field key to its source (hard-rule, model, rules)
 * @param signals the signal ids the rules fired in the text
 * @param confidence field key to how sure the decision was of its value (0 to 1)
 * @param explanation the decision's explanation signals (each field's reason, what the
 * model advised), from which the console reads its suggestions
 */
public record RuleOutcome(Map<String, String> values, Map<String, String> rulesBy, Map<String, String> decidedBy,
		List<String> signals, Map<String, Double> confidence, List<String> explanation) {

	/**
	 * The sources of the fields the rules decided: a hard rule, or any other part of
	 * them.
	 */
	static final Set<String> BY_RULES = Set.of(DecidedBy.RULES, DecidedBy.HARD_RULE);

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
		Map<String, String> rulesBy = new LinkedHashMap<>();
		// the explanation carries one reason per field, the deciding source's
		verdict.explanation()
			.signals()
			.stream()
			.map(RulesReason::parse)
			.filter(Objects::nonNull)
			.forEach((reason) -> rulesBy.put(reason.field(),
					(reason.ruleId() != null) ? reason.ruleId() : "(" + reason.source().key() + ")"));
		return new RuleOutcome(values, rulesBy, verdict.decidedBy(), List.copyOf(signals),
				verdict.explanation().confidence(), List.copyOf(verdict.explanation().signals()));
	}

	/**
	 * The value the console suggests for a field instead of the one decided, as it reads
	 * it from the explanation ({@link ModelAdvice#suggestion(List, String, String)}), or
	 * null.
	 */
	public String suggestion(String field) {
		return ModelAdvice.suggestion(this.explanation, field, this.values.get(field));
	}

	/** Whether a hard rule decided the field. */
	public boolean hard(String field) {
		return DecidedBy.HARD_RULE.equals(this.decidedBy.get(field));
	}

}
