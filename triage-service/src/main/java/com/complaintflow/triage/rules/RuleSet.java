package com.complaintflow.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.DecidedBy;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelEvidence;
import com.complaintflow.events.ModelFit;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.RulesSignal;
import com.complaintflow.triage.text.FollowUpMessages;

/**
 * One validated, immutable version of the triage rules: reads a complaint's text and
 * decides every field of the triage decision. Thread-safe.
 */
public final class RuleSet {

	private final String version;

	private final TextAnalyzer analyzer;

	private final Map<String, Map<Field, Map<String, Double>>> weights;

	private final Map<Field, FieldDecider> deciders;

	private final Policy policy;

	RuleSet(String version, TextAnalyzer analyzer, Map<String, Map<Field, Map<String, Double>>> weights,
			Map<Field, FieldDecider> deciders, Policy policy) {
		this.version = version;
		this.analyzer = analyzer;
		this.weights = Map.copyOf(weights);
		this.deciders = new EnumMap<>(deciders);
		this.policy = policy;
	}

	/** The version quoted in explanations. */
	public String version() {
		return this.version;
	}

	/** How far back earlier complaints of a customer count as repeats. */
	public Duration historyWindow() {
		return this.policy.historyWindow();
	}

	/**
	 * Reads the complaint's text and decides its category, which outage detection needs
	 * before the rest is decided.
	 */
	public Analysis analyze(ComplaintReceived complaint) {
		return analyze(complaint, Map.of());
	}

	/**
	 * Reads the complaint's text and decides its category, combining the rules with the
	 * learned model's advice (field key to advice): a hard rule first, then the model
	 * when it is sure enough, then the rules.
	 */
	public Analysis analyze(ComplaintReceived complaint, Map<String, Advice> advice) {
		return analyze(complaint, (signals) -> advice);
	}

	/**
	 * Reads the complaint's text and decides its category, combining the rules with the
	 * advice the learned model gives on the text and the signal ids the rules fired in
	 * it.
	 */
	public Analysis analyze(ComplaintReceived complaint, Function<List<String>, Map<String, Advice>> advisor) {
		String description = FollowUpMessages.complaintOf(complaint.description());
		String text = (complaint.believedCause() != null) ? description + "\n" + complaint.believedCause()
				: description;
		TextAnalyzer.Result read = this.analyzer.analyze(text);
		TextAnalyzer.Result result = (description.length() < complaint.description().length())
				? read.unread("follow-up-messages") : read;
		Map<String, Advice> advice = advisor.apply(List.copyOf(result.fired().keySet()));
		Map<Field, Map<String, Double>> scores = new EnumMap<>(Field.class);
		result.fired()
			.keySet()
			.forEach((signal) -> this.weights.getOrDefault(signal, Map.of())
				.forEach((field, values) -> values
					.forEach((value, weight) -> scores.computeIfAbsent(field, (key) -> new HashMap<>())
						.merge(value, weight, Double::sum))));
		Facts facts = new Facts(complaint, result, null);
		FieldDecider.Choice category = combine(Field.CATEGORY,
				this.deciders.get(Field.CATEGORY).decide(facts, scores.get(Field.CATEGORY)), advice, facts);
		return new Analysis(complaint, result, scores, category, advice);
	}

	/** Decides everything for a complaint in a context. */
	public Verdict decide(ComplaintReceived complaint, TriageContext context) {
		return decide(analyze(complaint), context);
	}

	/** Decides the remaining fields of an analysed complaint in a context. */
	public Verdict decide(Analysis analysis, TriageContext context) {
		Facts facts = new Facts(analysis.complaint, analysis.text, context);
		List<String> signals = new ArrayList<>();
		analysis.text.fired().forEach((id, term) -> signals.add(new RulesSignal(id, term).signal()));
		analysis.text.ignored().forEach((ignored) -> signals.add("ignored:" + ignored));
		Map<String, Double> confidence = new LinkedHashMap<>();
		Map<String, String> decidedBy = new LinkedHashMap<>();
		record(facts, Field.CATEGORY, analysis.category, signals, confidence, decidedBy);
		for (Field field : Field.values()) {
			if (field != Field.CATEGORY) {
				record(facts, field, combine(field, this.deciders.get(field).decide(facts, analysis.scores.get(field)),
						analysis.advice, facts), signals, confidence, decidedBy);
			}
			if (field == Field.PRIORITY) {
				facts.set(field,
						this.policy.raise(Priority.valueOf(facts.get(field)), context.repeatCount(), signals).name());
			}
		}
		addAdvice(analysis.advice, decidedBy, signals);
		addFitting(analysis.advice, decidedBy, signals);
		addSuggestionEvidence(analysis.advice, facts, confidence, signals);
		if (context.repeatCount() > 0) {
			signals.add("history:" + context.repeatCount() + " earlier complaint(s) within " + historyWindow());
		}
		if (context.lastMishandled()) {
			signals.add("history:previous complaint mishandled");
		}
		if (context.lastPromiseBroken()) {
			signals.add("history:a deadline promised on the previous complaint was breached");
		}
		if (context.incidentId() != null) {
			signals.add("incident:" + context.incidentId());
		}
		Priority priority = Priority.valueOf(facts.get(Field.PRIORITY));
		String playbook = facts.get(Field.PLAYBOOK);
		Instant receivedAt = analysis.complaint.occurredAt();
		return new Verdict(Category.valueOf(facts.get(Field.CATEGORY)), Nature.valueOf(facts.get(Field.NATURE)),
				Persona.valueOf(facts.get(Field.PERSONA)), Emotion.valueOf(facts.get(Field.EMOTION)),
				RootCauseLayer.valueOf(facts.get(Field.ROOT_CAUSE)), ChurnRisk.valueOf(facts.get(Field.CHURN_RISK)),
				Playbook.valueOf(playbook), this.policy.steps(playbook), priority, this.policy.remedies(facts, signals),
				this.policy.verificationRequired(facts, analysis.complaint.customer().tier(), signals),
				this.policy.deadlines(facts, receivedAt, priority, facts.get(Field.CATEGORY), signals),
				facts.get(Field.QUEUE), context.incidentId(), context.repeatCount(),
				new Explanation(this.version, signals, confidence, modelVersion(analysis.advice)), decidedBy);
	}

	/**
	 * Adds to the signals what the model said of each field the rules decided, so that
	 * staff asked about one see the model's choice too.
	 */
	private static void addAdvice(Map<String, Advice> advice, Map<String, String> decidedBy, List<String> signals) {
		decidedBy.forEach((field, source) -> {
			Advice model = advice.get(field);
			if (model != null && !DecidedBy.MODEL.equals(source)) {
				signals.add(new ModelAdvice(field, model.value(), model.probability(), model.next()).signal());
			}
		});
	}

	/**
	 * Adds to the signals, for the category or playbook the model decided other than its
	 * most probable value alone (that value would not fit the other field, see
	 * {@code PlaybookCategories}), what it went with ({@link ModelFit}; the model's value
	 * of the other field, which a hard rule may have overruled).
	 */
	private static void addFitting(Map<String, Advice> advice, Map<String, String> decidedBy, List<String> signals) {
		List<String> pair = List.of(Field.CATEGORY.key(), Field.PLAYBOOK.key());
		for (String field : pair) {
			Advice model = advice.get(field);
			String other = pair.get(1 - pair.indexOf(field));
			if (model != null && model.alone() != null && advice.containsKey(other)
					&& DecidedBy.MODEL.equals(decidedBy.get(field))) {
				signals
					.add(new ModelFit(field, model.value(), other, advice.get(other).value(), model.alone()).signal());
			}
		}
	}

	/**
	 * Adds to the signals, for each field staff check that triage is unsure of, the
	 * n-grams that weighed most for the value the console suggests instead (the model's
	 * next where it decided, its most probable other than the rules' where they did), so
	 * staff see why before they take it.
	 */
	private static void addSuggestionEvidence(Map<String, Advice> advice, Facts facts, Map<String, Double> confidence,
			List<String> signals) {
		for (String field : DecisionCorrected.FIELDS.keySet()) {
			Advice model = advice.get(field);
			if (model == null || !Explanation.unsure(confidence.get(field))) {
				continue;
			}
			String suggested = ModelAdvice.suggestion(signals, field, facts.get(Field.byKey(field)));
			List<ModelReason.Weighed> evidence = (suggested != null) ? model.evidenceFor(suggested) : List.of();
			if (!evidence.isEmpty()) {
				signals.add(new ModelEvidence(field, suggested, evidence).signal());
			}
		}
	}

	/** The version of the model whose advice was weighed, or null if none was. */
	private static String modelVersion(Map<String, Advice> advice) {
		return advice.values().stream().map(Advice::model).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * A hard rule's choice stands; otherwise the model's advice decides when its
	 * probability reaches the threshold and its value goes with the category decided;
	 * otherwise the rules' choice stands.
	 */
	private static FieldDecider.Choice combine(Field field, FieldDecider.Choice rules, Map<String, Advice> advice,
			Facts facts) {
		Advice model = advice.get(field.key());
		if (rules.hard() || model == null || !model.decides() || !goesWithCategory(field, model, facts)) {
			return rules;
		}
		String reason = new ModelReason(field.key(), model.value(), model.probability(), model.threshold(),
				model.next(), model.evidence())
			.signal();
		return new FieldDecider.Choice(model.value(), Math.round(model.probability() * 100) / 100.0, reason, false);
	}

	/**
	 * Whether the model's value of a field may stand beside the category decided: a
	 * playbook only where it goes with it ({@link Playbook#goesWith}; the model fits its
	 * playbook to its own category, which a hard rule or the rules may have replaced: a
	 * 911 call that failed in an outage is an emergency, never for the billing-error
	 * steps).
	 */
	private static boolean goesWithCategory(Field field, Advice model, Facts facts) {
		return field != Field.PLAYBOOK
				|| Playbook.valueOf(model.value()).goesWith(Category.valueOf(facts.get(Field.CATEGORY)));
	}

	private static void record(Facts facts, Field field, FieldDecider.Choice choice, List<String> signals,
			Map<String, Double> confidence, Map<String, String> decidedBy) {
		facts.set(field, choice.value());
		confidence.put(field.key(), choice.confidence());
		signals.add(choice.reason());
		decidedBy.put(field.key(), choice.reason().startsWith(ModelReason.PREFIX) ? DecidedBy.MODEL
				: (choice.hard() ? DecidedBy.HARD_RULE : DecidedBy.RULES));
	}

	/**
	 * A complaint whose text has been read and whose category is known.
	 */
	public static final class Analysis {

		private final ComplaintReceived complaint;

		private final TextAnalyzer.Result text;

		private final Map<Field, Map<String, Double>> scores;

		private final FieldDecider.Choice category;

		private final Map<String, Advice> advice;

		Analysis(ComplaintReceived complaint, TextAnalyzer.Result text, Map<Field, Map<String, Double>> scores,
				FieldDecider.Choice category, Map<String, Advice> advice) {
			this.complaint = complaint;
			this.text = text;
			this.scores = scores;
			this.category = category;
			this.advice = Map.copyOf(advice);
		}

		public Category category() {
			return Category.valueOf(this.category.value());
		}

		/** The signal ids the text fired. */
		public List<String> signals() {
			return List.copyOf(this.text.fired().keySet());
		}

	}

}
