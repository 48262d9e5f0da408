package com.complaintflow.triage.rules;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.RulesReason;
import com.complaintflow.events.RulesReason.Source;

/**
 * Chooses one field's value: the first matching rule, else the best score, else the
 * default for the category, else the fallback; each at the confidence the rules file
 * gives it.
 */
final class FieldDecider {

	private static final double DEFAULT_RULE_CONFIDENCE = 0.9;

	private static final double CATEGORY_DEFAULT_CONFIDENCE = 0.6;

	private static final double FALLBACK_CONFIDENCE = 0.4;

	private final Field field;

	private final List<Rule> rules;

	private final double minScore;

	private final Map<String, String> byCategory;

	private final String fallback;

	private final Double scoreConfidence;

	private final double categoryDefaultConfidence;

	private final double fallbackConfidence;

	FieldDecider(Field field, List<Rule> rules, double minScore, Map<String, String> byCategory, String fallback,
			RulesDocument.SourceConfidence confidence) {
		this.field = field;
		this.rules = List.copyOf(rules);
		this.minScore = minScore;
		this.byCategory = Map.copyOf(byCategory);
		this.fallback = fallback;
		this.scoreConfidence = confidence.score();
		this.categoryDefaultConfidence = (confidence.byCategory() != null) ? confidence.byCategory()
				: CATEGORY_DEFAULT_CONFIDENCE;
		this.fallbackConfidence = (confidence.fallback() != null) ? confidence.fallback() : FALLBACK_CONFIDENCE;
	}

	Choice decide(Facts facts, Map<String, Double> scores) {
		for (Rule rule : this.rules) {
			if (rule.when().test(facts)) {
				return new Choice(rule.then(), rule.confidence(),
						RulesReason.rule(this.field.key(), rule.id()).signal(), rule.hard());
			}
		}
		Choice scored = best(scores);
		if (scored != null) {
			return scored;
		}
		String category = facts.get(Field.CATEGORY);
		if (category != null && this.byCategory.containsKey(category)) {
			return new Choice(this.byCategory.get(category), this.categoryDefaultConfidence,
					new RulesReason(Source.DEFAULT, this.field.key(), "byCategory." + category).signal(), false);
		}
		return new Choice(this.fallback, this.fallbackConfidence,
				new RulesReason(Source.FALLBACK, this.field.key(), "").signal(), false);
	}

	private Choice best(Map<String, Double> scores) {
		if (scores == null || scores.isEmpty()) {
			return null;
		}
		String top = null;
		double topScore = 0;
		double total = 0;
		for (String value : this.field.allowedValues()) {
			double score = scores.getOrDefault(value, 0.0);
			total += score;
			if (score > topScore) {
				top = value;
				topScore = score;
			}
		}
		if (top == null || topScore < this.minScore) {
			return null;
		}
		double confidence = (this.scoreConfidence != null) ? this.scoreConfidence
				: Math.min(0.95, Math.max(0.35, topScore / total));
		return new Choice(top, Math.round(confidence * 100) / 100.0,
				new RulesReason(Source.SCORE, this.field.key(), top + "=" + topScore).signal(), false);
	}

	/** A rule of one field. */
	record Rule(String id, Condition when, String then, double confidence, boolean hard) {

		static double confidenceOr(Double given) {
			return (given != null) ? given : DEFAULT_RULE_CONFIDENCE;
		}

	}

	/**
	 * The chosen value, how sure, why, and whether a hard rule chose it (the model cannot
	 * override it).
	 */
	record Choice(String value, double confidence, String reason, boolean hard) {
	}

}
