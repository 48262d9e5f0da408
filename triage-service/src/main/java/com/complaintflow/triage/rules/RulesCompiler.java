package com.complaintflow.triage.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.complaintflow.events.Category;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.ValueTier;

/**
 * Validates a rules document and compiles it into a {@link RuleSet}; every problem found
 * is reported at once, with where it is.
 */
final class RulesCompiler {

	private static final Set<Field> SCORED = EnumSet.of(Field.CATEGORY, Field.EMOTION, Field.ROOT_CAUSE, Field.NATURE,
			Field.PERSONA);

	private RulesCompiler() {
	}

	static RuleSet compile(RulesDocument doc) {
		List<String> errors = new ArrayList<>();
		if (doc.version() == null || doc.version().isBlank()) {
			errors.add("version: required");
		}
		require(doc.text(), "text", errors);
		require(doc.signals(), "signals", errors);
		require(doc.decisions(), "decisions", errors);
		require(doc.policy(), "policy", errors);
		if (!errors.isEmpty()) {
			throw new InvalidRulesException(errors);
		}
		TextAnalyzer analyzer = analyzer(doc, errors);
		Set<String> signalIds = new HashSet<>();
		Map<String, Map<Field, Map<String, Double>>> weights = new HashMap<>();
		for (int i = 0; i < doc.signals().size(); i++) {
			RulesDocument.SignalSpec signal = doc.signals().get(i);
			String path = "signals[" + i + "]";
			if (signal.id() == null || !signalIds.add(signal.id())) {
				errors.add(path + ".id: missing or duplicate '" + signal.id() + "'");
			}
			if (signal.terms() == null || signal.terms().isEmpty()
					|| signal.terms().stream().anyMatch((term) -> term == null || term.isBlank())) {
				errors.add(path + " (" + signal.id() + ").terms: at least one term, none blank");
			}
			notWithin(signal, path, analyzer, errors);
			weights.put(signal.id(), weights(signal, path, errors));
		}
		doc.decisions()
			.keySet()
			.stream()
			.filter((key) -> Field.byKey(key) == null)
			.forEach((key) -> errors.add("decisions." + key + ": unknown field, expected one of "
					+ Arrays.stream(Field.values()).map(Field::key).toList()));
		Map<Field, FieldDecider> deciders = new EnumMap<>(Field.class);
		Set<Field> before = EnumSet.noneOf(Field.class);
		for (Field field : Field.values()) {
			deciders.put(field, decider(field, doc.decisions().get(field.key()), before, signalIds, errors));
			before.add(field);
		}
		Policy policy = policy(doc.policy(), signalIds, errors);
		if (!errors.isEmpty()) {
			throw new InvalidRulesException(errors);
		}
		return new RuleSet(doc.version(), analyzer, weights, deciders, policy);
	}

	private static TextAnalyzer analyzer(RulesDocument doc, List<String> errors) {
		RulesDocument.TextSpec text = doc.text();
		Map<Character, Character> traditional = new HashMap<>();
		if (text.traditional() != null) {
			text.traditional().forEach((from, to) -> {
				if (from.length() != 1 || to == null || to.length() != 1) {
					errors.add("text.traditional: '" + from + "' -> '" + to + "' must map one character to one");
				}
				else {
					traditional.put(from.charAt(0), to.charAt(0));
				}
			});
		}
		Map<Character, Character> quotes = new HashMap<>();
		if (text.quotes() != null) {
			text.quotes().forEach((pair) -> {
				if (pair == null || pair.length() != 2) {
					errors.add("text.quotes: '" + pair + "' must be an opening and a closing character");
				}
				else {
					quotes.put(pair.charAt(0), pair.charAt(1));
				}
			});
		}
		RulesDocument.NegationSpec negation = text.negation();
		if (negation == null || negation.cues() == null || negation.fillers() == null || negation.clauseBreaks() == null
				|| negation.maxGap() < 1) {
			errors.add("text.negation: cues, fillers, clauseBreaks and maxGap (>= 1) are required");
			return null;
		}
		// a blank cue would match everywhere (and an empty one cannot be read as a word)
		noBlankEntry("text.negation.cues", negation.cues(), errors);
		noBlankEntry("text.negation.fillers", negation.fillers(), errors);
		noBlankEntry("text.negation.notNegations", negation.notNegations(), errors);
		return new TextAnalyzer(traditional, quotes, negation.cues(), negation.fillers(),
				(negation.notNegations() != null) ? negation.notNegations() : List.of(), negation.clauseBreaks(),
				negation.maxGap(), doc.signals().stream().filter((s) -> s.terms() != null).toList());
	}

	private static void noBlankEntry(String path, List<String> entries, List<String> errors) {
		for (int i = 0; entries != null && i < entries.size(); i++) {
			if (entries.get(i) != null && entries.get(i).isBlank()) {
				errors.add(path + "[" + i + "]: blank entry");
			}
		}
	}

	/** Each word a signal's terms do not count within must contain one of them. */
	private static void notWithin(RulesDocument.SignalSpec signal, String path, TextAnalyzer analyzer,
			List<String> errors) {
		if (signal.notWithinOrNone().isEmpty()) {
			// most signals have none: their terms need not be normalised a second time
			return;
		}
		List<String> terms = (signal.terms() != null)
				? signal.terms().stream().filter(Objects::nonNull).map(analyzer::normalize).toList() : List.of();
		for (String word : signal.notWithinOrNone()) {
			if (word == null || terms.stream().noneMatch(analyzer.normalize(word)::contains)) {
				errors.add(path + " (" + signal.id() + ").notWithin: '" + word + "' contains none of the terms");
			}
		}
	}

	private static Map<Field, Map<String, Double>> weights(RulesDocument.SignalSpec signal, String path,
			List<String> errors) {
		Map<Field, Map<String, Double>> result = new EnumMap<>(Field.class);
		if (signal.weights() == null) {
			return result;
		}
		signal.weights().forEach((key, values) -> {
			Field field = Field.byKey(key);
			if (field == null || !SCORED.contains(field)) {
				errors.add(path + " (" + signal.id() + ").weights." + key + ": only "
						+ SCORED.stream().map(Field::key).toList() + " are scored");
				return;
			}
			values.forEach((value, weight) -> {
				if (!field.allows(value)) {
					errors.add(path + " (" + signal.id() + ").weights." + key + ": '" + value + "' is not one of "
							+ field.allowedValues());
				}
				if (weight == null) {
					errors.add(path + " (" + signal.id() + ").weights." + key + "." + value + ": a number is required");
				}
			});
			result.put(field, Map.copyOf(values));
		});
		return result;
	}

	private static FieldDecider decider(Field field, RulesDocument.FieldSpec spec, Set<Field> before,
			Set<String> signals, List<String> errors) {
		String path = "decisions." + field.key();
		if (spec == null) {
			errors.add(path + ": required");
			return null;
		}
		if (!field.allows(spec.fallback())) {
			errors.add(path + ".fallback: '" + spec.fallback() + "' is not one of "
					+ ((field.allowedValues() != null) ? field.allowedValues() : "a queue name"));
		}
		Map<String, String> byCategory = (spec.byCategory() != null) ? spec.byCategory() : Map.of();
		byCategory.forEach((category, value) -> {
			if (!Field.CATEGORY.allows(category) || !field.allows(value)) {
				errors.add(path + ".byCategory: '" + category + "' -> '" + value + "' is not a category and a value");
			}
		});
		List<FieldDecider.Rule> rules = new ArrayList<>();
		List<RulesDocument.RuleSpec> specs = (spec.rules() != null) ? spec.rules() : List.of();
		for (int i = 0; i < specs.size(); i++) {
			RulesDocument.RuleSpec rule = specs.get(i);
			String rulePath = path + ".rules[" + i + "]" + ((rule.id() != null) ? " (" + rule.id() + ")" : "");
			if (rule.id() == null || rule.id().isBlank()) {
				errors.add(rulePath + ".id: required");
			}
			if (!field.allows(rule.then())) {
				errors.add(rulePath + ".then: '" + rule.then() + "' is not one of "
						+ ((field.allowedValues() != null) ? field.allowedValues() : "a queue name"));
			}
			checkConfidence(rule.confidence(), rulePath + ".confidence", errors);
			if (field == Field.CATEGORY && rule.when() != null && rule.when().readsHistory()) {
				errors.add(rulePath + ": category rules cannot use history or incidents (decided before them)");
			}
			rules.add(new FieldDecider.Rule(rule.id(),
					Condition.compile(rule.when(), rulePath + ".when", before, signals, errors), rule.then(),
					FieldDecider.Rule.confidenceOr(rule.confidence()), Boolean.TRUE.equals(rule.hard())));
		}
		double minScore = (spec.minScore() != null) ? spec.minScore() : 1.0;
		RulesDocument.SourceConfidence confidence = (spec.confidence() != null) ? spec.confidence()
				: new RulesDocument.SourceConfidence(null, null, null);
		checkConfidence(confidence.score(), path + ".confidence.score", errors);
		checkConfidence(confidence.byCategory(), path + ".confidence.byCategory", errors);
		checkConfidence(confidence.fallback(), path + ".confidence.fallback", errors);
		return new FieldDecider(field, rules, minScore, byCategory, spec.fallback(), confidence);
	}

	private static void checkConfidence(Double confidence, String path, List<String> errors) {
		if (confidence != null && (confidence <= 0 || confidence > 1)) {
			errors.add(path + ": must be in (0, 1]");
		}
	}

	private static Policy policy(RulesDocument.PolicySpec spec, Set<String> signals, List<String> errors) {
		Set<Field> all = EnumSet.allOf(Field.class);
		positive(spec.historyWindow(), "policy.historyWindow", errors);
		if (spec.currency() == null || spec.currency().isBlank()) {
			errors.add("policy.currency: required");
		}
		for (ValueTier tier : ValueTier.values()) {
			RulesDocument.TierSpec limits = (spec.tiers() != null) ? spec.tiers().get(tier.name()) : null;
			if (limits == null || limits.verifyAbove() == null) {
				errors.add("policy.tiers." + tier + ": verifyAbove is required");
			}
		}
		if (spec.priorityRaise() == null || spec.priorityRaise().steps() == null
				|| !Field.PRIORITY.allows(spec.priorityRaise().ceiling())) {
			errors.add("policy.priorityRaise: steps and a ceiling (P1..P4) are required");
		}
		List<Policy.RemedyRule> remedies = new ArrayList<>();
		List<RulesDocument.RemedyRuleSpec> remedySpecs = (spec.remedies() != null) ? spec.remedies() : List.of();
		for (int i = 0; i < remedySpecs.size(); i++) {
			RulesDocument.RemedyRuleSpec rule = remedySpecs.get(i);
			String path = "policy.remedies[" + i + "] (" + rule.id() + ")";
			if (rule.options() == null || rule.options().size() < 2 || rule.options().size() > 3) {
				errors.add(path + ".options: offer 2 or 3 options");
			}
			else {
				rule.options().forEach((option) -> remedy(option, path, errors));
			}
			remedies.add(new Policy.RemedyRule(rule.id(),
					Condition.compile(rule.when(), path + ".when", all, signals, errors),
					(rule.options() != null) ? List.copyOf(rule.options()) : List.of()));
		}
		if (remedySpecs.isEmpty() || remedySpecs.get(remedySpecs.size() - 1).when() != null) {
			errors.add("policy.remedies: the last rule must have no condition (the default options)");
		}
		Condition over = Condition.ALWAYS;
		if (spec.overCompensation() == null) {
			errors.add("policy.overCompensation: a condition is required");
		}
		else {
			over = Condition.compile(spec.overCompensation().when(), "policy.overCompensation.when", all, signals,
					errors);
		}
		if (spec.verification() == null) {
			errors.add("policy.verification: required");
		}
		Condition engineer = deadlines(spec.deadlines(), all, signals, errors);
		Map<String, List<String>> steps = steps(spec.playbooks(), errors);
		if (!errors.isEmpty()) {
			return null;
		}
		return new Policy(spec, remedies, over, engineer, steps);
	}

	private static void remedy(RulesDocument.RemedySpec option, String path, List<String> errors) {
		if (option.kind() == null
				|| Arrays.stream(RemedyKind.values()).noneMatch((k) -> k.name().equals(option.kind()))) {
			errors.add(path + ".options: kind '" + option.kind() + "' is not one of "
					+ Arrays.toString(RemedyKind.values()));
		}
		if (option.description() == null || option.description().isBlank()) {
			errors.add(path + ".options: description required");
		}
		if (option.share() != null && (option.share().signum() <= 0 || option.share().compareTo(BigDecimal.ONE) > 0)) {
			errors.add(path + ".options: share must be in (0, 1] of the tier's credit limit");
		}
	}

	private static Condition deadlines(RulesDocument.DeadlineSpec spec, Set<Field> all, Set<String> signals,
			List<String> errors) {
		if (spec == null) {
			errors.add("policy.deadlines: required");
			return Condition.ALWAYS;
		}
		for (Priority priority : Priority.values()) {
			positive((spec.firstResponse() != null) ? spec.firstResponse().get(priority.name()) : null,
					"policy.deadlines.firstResponse." + priority, errors);
			positive((spec.progressUpdate() != null) ? spec.progressUpdate().get(priority.name()) : null,
					"policy.deadlines.progressUpdate." + priority, errors);
		}
		positive(spec.callbackWithin(), "policy.deadlines.callbackWithin", errors);
		if (spec.promisedAnswer() == null) {
			errors.add("policy.deadlines.promisedAnswer: required");
		}
		else {
			for (Category category : Category.values()) {
				positive(
						(spec.promisedAnswer().byCategory() != null)
								? spec.promisedAnswer().byCategory().get(category.name()) : null,
						"policy.deadlines.promisedAnswer.byCategory." + category, errors);
			}
			positive(spec.promisedAnswer().acceptCustomerMin(), "policy.deadlines.promisedAnswer.acceptCustomerMin",
					errors);
			positive(spec.promisedAnswer().acceptCustomerMax(), "policy.deadlines.promisedAnswer.acceptCustomerMax",
					errors);
		}
		if (spec.engineerContact() == null) {
			errors.add("policy.deadlines.engineerContact: required");
			return Condition.ALWAYS;
		}
		positive(spec.engineerContact().within(), "policy.deadlines.engineerContact.within", errors);
		return Condition.compile(spec.engineerContact().when(), "policy.deadlines.engineerContact.when", all, signals,
				errors);
	}

	private static Map<String, List<String>> steps(RulesDocument.PlaybookSpec spec, List<String> errors) {
		Map<String, List<String>> steps = new HashMap<>();
		if (spec == null || spec.steps() == null) {
			errors.add("policy.playbooks: opening, steps and closing are required");
			return steps;
		}
		List<String> opening = (spec.opening() != null) ? spec.opening() : List.of();
		List<String> closing = (spec.closing() != null) ? spec.closing() : List.of();
		for (Playbook playbook : Playbook.values()) {
			List<String> own = spec.steps().get(playbook.name());
			if (own == null || own.isEmpty()) {
				errors.add("policy.playbooks.steps." + playbook + ": at least one step is required");
				continue;
			}
			List<String> all = new ArrayList<>(opening);
			all.addAll(own);
			all.addAll(closing);
			steps.put(playbook.name(), List.copyOf(all));
		}
		spec.steps()
			.keySet()
			.stream()
			.filter((name) -> Arrays.stream(Playbook.values()).noneMatch((p) -> p.name().equals(name)))
			.forEach((name) -> errors.add("policy.playbooks.steps." + name + ": not a playbook"));
		return steps;
	}

	private static void positive(Duration duration, String path, List<String> errors) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			errors.add(path + ": a positive duration is required (ISO-8601, e.g. PT24H)");
		}
	}

	private static void require(Object value, String path, List<String> errors) {
		if (value == null) {
			errors.add(path + ": required");
		}
	}

}
