package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shape of a rules file (YAML) as written by staff; {@link RulesCompiler} validates
 * it and turns it into a {@link RuleSet}.
 *
 * @param version the rules version, quoted in every decision's explanation
 * @param text normalisation, negation and quoting settings
 * @param signals the dictionaries: each signal fires on any of its terms and adds weights
 * to field scores
 * @param decisions how each decision field is chosen
 * @param policy remedies, limits, deadlines and playbook steps
 */
record RulesDocument(String version, TextSpec text, List<SignalSpec> signals, Map<String, FieldSpec> decisions,
		PolicySpec policy) {

	/**
	 * Text handling.
	 *
	 * @param traditional traditional-to-simplified characters (key traditional, value
	 * simplified) for the characters the dictionaries use
	 * @param quotes pairs of opening and closing quote characters, each as a
	 * two-character string
	 * @param negation how negation is recognised
	 */
	record TextSpec(Map<String, String> traditional, List<String> quotes, NegationSpec negation) {
	}

	/**
	 * Negation: a cue negates a term when only filler words stand between them, in the
	 * same clause.
	 *
	 * @param cues negation cues ("not", "n't", "不", "没有")
	 * @param fillers words allowed between cue and term ("going", "to", "想", "要")
	 * @param notNegations phrases that contain a cue but do not negate ("不得不", "不然")
	 * @param clauseBreaks characters that end a clause
	 * @param maxGap the most filler words (English) or characters (Chinese) between cue
	 * and term
	 */
	record NegationSpec(List<String> cues, List<String> fillers, List<String> notNegations, String clauseBreaks,
			int maxGap) {
	}

	/**
	 * A signal: a named set of terms and what it says when it fires.
	 *
	 * @param id the name rules refer to
	 * @param terms words or phrases in any language and script
	 * @param negatable whether a negated mention is ignored ("not leaving")
	 * @param ignoreInQuotes whether a mention inside quotes is ignored (someone else's
	 * words)
	 * @param weights field name to value to weight added when the signal fires
	 * @param notWithin longer words that contain one of the terms but mean something else
	 * (网上 "online" and 网站 "website" for 网 "the network"): a mention inside one does not
	 * count
	 */
	record SignalSpec(String id, List<String> terms, boolean negatable, boolean ignoreInQuotes,
			Map<String, Map<String, Double>> weights, List<String> notWithin) {

		/** The words the terms do not count within, none if not given. */
		List<String> notWithinOrNone() {
			return (this.notWithin != null) ? this.notWithin : List.of();
		}

	}

	/**
	 * How one decision field is chosen: the first matching rule, else the best score of
	 * at least {@code minScore}, else the default for the category, else the fallback;
	 * {@code confidence} says how sure the last three are.
	 */
	record FieldSpec(List<RuleSpec> rules, Double minScore, Map<String, String> byCategory, String fallback,
			SourceConfidence confidence) {
	}

	/**
	 * The confidence a field's decisions state when its best score, its default for the
	 * category or its fallback decided; each absent one keeps the built-in value (the
	 * score's share of all scores, 0.6, 0.4).
	 */
	record SourceConfidence(Double score, Double byCategory, Double fallback) {
	}

	/**
	 * A rule: when the condition holds, the field takes the value. A {@code hard} rule
	 * (safety, an explicit exit) wins over the learned model; other rules decide only
	 * when the model is not sure enough.
	 */
	record RuleSpec(String id, ConditionSpec when, String then, Double confidence, Boolean hard) {
	}

	/**
	 * A condition; every part given must hold (lists: any of; {@code anyOf}: at least one
	 * of the nested conditions).
	 */
	record ConditionSpec(List<String> signals, List<String> allSignals, List<String> noSignals, List<String> category,
			List<String> emotion, List<String> rootCause, List<String> churnRisk, List<String> nature,
			List<String> persona, List<String> playbook, List<String> priority, List<String> tier, List<String> channel,
			List<String> cues, List<String> expectedRemedy, Integer minRepeat, BigDecimal minAmount, Integer minLength,
			Boolean incident, Boolean lastMishandled, Boolean lastPromiseBroken, List<ConditionSpec> anyOf) {

		/**
		 * Whether the condition, or one nested in it, reads the customer's history or an
		 * incident.
		 */
		boolean readsHistory() {
			return this.minRepeat != null || this.incident != null || this.lastMishandled != null
					|| this.lastPromiseBroken != null
					|| (this.anyOf != null && this.anyOf.stream().anyMatch((c) -> c != null && c.readsHistory()));
		}

	}

	/**
	 * Policy tables.
	 *
	 * @param historyWindow how far back repeat complaints count
	 * @param currency the currency of amounts
	 * @param tiers verification thresholds per customer value tier (the remedy limits are
	 * the shared {@code RemedyPolicy}'s)
	 * @param priorityRaise priority levels gained by repeat complaints
	 * @param remedies remedy rules, first match wins
	 * @param overCompensation when a broken promise multiplies the remedies
	 * @param verification when a large demand must be verified
	 * @param deadlines the deadline tables
	 * @param playbooks ordered steps per playbook
	 */
	record PolicySpec(Duration historyWindow, String currency, Map<String, TierSpec> tiers,
			PriorityRaiseSpec priorityRaise, List<RemedyRuleSpec> remedies, OverCompensationSpec overCompensation,
			VerificationSpec verification, DeadlineSpec deadlines, PlaybookSpec playbooks) {
	}

	/**
	 * Verification threshold of one value tier.
	 *
	 * @param verifyAbove demands above this are verified when the history holds doubtful
	 * claims
	 */
	record TierSpec(BigDecimal verifyAbove) {
	}

	/**
	 * Repeat complaints raise the priority.
	 *
	 * @param steps repeat count to levels raised, the highest matching count wins
	 * @param ceiling the highest priority a raise may reach
	 */
	record PriorityRaiseSpec(Map<Integer, Integer> steps, String ceiling) {
	}

	/** The options offered when the condition holds. */
	record RemedyRuleSpec(String id, ConditionSpec when, List<RemedySpec> options) {
	}

	/**
	 * One remedy option.
	 *
	 * @param kind a {@code RemedyKind}
	 * @param description for the agent; {amount} and {currency} are filled in
	 * @param share share of the tier's credit limit, or null for a remedy without amount
	 */
	record RemedySpec(String kind, String description, BigDecimal share) {
	}

	/**
	 * When a broken promise multiplies the remedies (factor and cap are the shared
	 * {@code RemedyPolicy}'s).
	 */
	record OverCompensationSpec(ConditionSpec when) {
	}

	/**
	 * Verification of large demands.
	 *
	 * @param minPriorClaims prior compensation claims in the history window that make the
	 * history doubtful
	 */
	record VerificationSpec(int minPriorClaims) {
	}

	/**
	 * Deadline tables.
	 *
	 * @param firstResponse per priority
	 * @param engineerContact within this time when the condition holds
	 * @param promisedAnswer default per category, and the customer's own deadline
	 * accepted within [min, max] from receipt
	 * @param progressUpdate interval per priority
	 * @param callbackWithin the callback after resolution
	 */
	record DeadlineSpec(Map<String, Duration> firstResponse, EngineerContactSpec engineerContact,
			PromisedAnswerSpec promisedAnswer, Map<String, Duration> progressUpdate, Duration callbackWithin) {
	}

	/** Engineer contact deadline and when it applies. */
	record EngineerContactSpec(Duration within, ConditionSpec when) {
	}

	/** Promised answer: per category default, customer's deadline accepted in a range. */
	record PromisedAnswerSpec(Map<String, Duration> byCategory, Duration acceptCustomerMin,
			Duration acceptCustomerMax) {
	}

	/**
	 * Playbook steps: the common opening, each playbook's distinctive steps, the common
	 * closing.
	 */
	record PlaybookSpec(List<String> opening, Map<String, List<String>> steps, List<String> closing) {
	}

}
