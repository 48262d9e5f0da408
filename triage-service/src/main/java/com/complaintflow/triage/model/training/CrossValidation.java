package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import com.complaintflow.events.DecidedBy;
import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;
import com.complaintflow.triage.rules.RuleSet;

/**
 * K-fold cross-validation of one language: each fold trains a model on the other folds
 * (plus the extra examples - staff corrections, hand-written complaints - which join
 * every fold's training and are never tested on) and decides the held-out texts three
 * ways: the rules alone, the model alone, and the combination the service uses.
 */
public final class CrossValidation {

	/** The ways of deciding that are compared. */
	public static final List<String> SYSTEMS = List.of("rules", "model", "combined");

	private final RuleSet rules;

	private final ModelTrainer trainer;

	private final LabelBudget budget;

	public CrossValidation(RuleSet rules, ModelTrainer trainer) {
		this(rules, trainer, LabelBudget.ALL);
	}

	/** Cross-validation whose folds train on the rows a budget allows. */
	CrossValidation(RuleSet rules, ModelTrainer trainer, LabelBudget budget) {
		this.rules = rules;
		this.trainer = trainer;
		this.budget = budget;
	}

	/**
	 * Scores per system and field, the share of each field the model decided, how often
	 * the combined decision held a field it was unsure of, each hard rule's record in the
	 * combination, each rule's record alone and how well the stated confidence held, the
	 * model's and the rules' alone.
	 */
	public record Result(Language language, int examples, int folds,
			Map<String, Map<String, Scoring.FieldScore>> scores, Map<String, Double> decidedByModel,
			List<Disagreement> disagreements, UnsureFields unsure, RulesRecord hardRules, RulesRecord rulesRecord,
			Reliability reliability, Reliability rulesReliability) {
	}

	/**
	 * A held-out text whose combined decision differs from its label in one field: the
	 * rows worth re-reading against LABELLING.md (never relabelled from the decision
	 * itself).
	 */
	public record Disagreement(String key, String field, String label, String decided) {
	}

	public Result run(Language language, List<LabelledExample> examples, List<LabelledExample> extra, int folds,
			long seed) {
		Map<LabelledExample, RuleOutcome> ruleOutcomes = new LinkedHashMap<>();
		for (LabelledExample example : examples) {
			ruleOutcomes.put(example, Scoring.rules(this.rules, example));
		}
		List<ModelTrainer.Doc> extraDocs = extra.stream()
			.map((example) -> ModelTrainer.Doc.of(example, Scoring.rules(this.rules, example)))
			.toList();
		List<LabelledExample> order = new ArrayList<>(examples);
		Collections.shuffle(order, new Random(seed));
		Map<String, Map<String, Scoring.FieldScore>> scores = new LinkedHashMap<>();
		for (String system : SYSTEMS) {
			Map<String, Scoring.FieldScore> fields = new LinkedHashMap<>();
			LabelledExample.FIELDS.forEach((field) -> fields.put(field, new Scoring.FieldScore(field)));
			scores.put(system, fields);
		}
		Map<String, int[]> byModel = new LinkedHashMap<>();
		List<Disagreement> disagreements = new ArrayList<>();
		UnsureFields unsure = new UnsureFields();
		RulesRecord hardRules = RulesRecord.ofHardRules();
		RulesRecord rulesRecord = RulesRecord.ofRules();
		Reliability reliability = Reliability.ofModel();
		Reliability rulesReliability = Reliability.ofRules();
		// the folds are independent: trained side by side, scored in fold order
		List<Callable<List<Decided>>> trainings = new ArrayList<>();
		for (int fold = 0; fold < folds; fold++) {
			int current = fold;
			trainings.add(() -> fold(language, order, ruleOutcomes, extraDocs, folds, current));
		}
		List<List<Decided>> results = ParallelTraining.inOrder(trainings);
		for (int fold = 0; fold < folds; fold++) {
			List<Decided> decided = results.get(fold);
			for (Decided one : decided) {
				unsure.add(one.example(), one.combined());
				hardRules.add(one.example(), one.combined());
				reliability.add(one.example(), one.combined());
				rulesRecord.add(one.example(), one.alone());
				rulesReliability.add(one.example(), one.alone());
				for (String field : LabelledExample.FIELDS) {
					scores.get("rules").get(field).add(one.example(), one.alone().values().get(field));
					scores.get("model")
						.get(field)
						.add(one.example(), one.modelOnly().getOrDefault(field, one.alone().values().get(field)));
					String decidedValue = one.combined().values().get(field);
					scores.get("combined").get(field).add(one.example(), decidedValue);
					String label = one.example().label(field);
					if (label != null && !one.example().accepts(field, decidedValue)) {
						disagreements.add(new Disagreement(one.example().key(), field, label, decidedValue));
					}
					int[] counts = byModel.computeIfAbsent(field, (key) -> new int[2]);
					counts[1]++;
					if (DecidedBy.MODEL.equals(one.combined().decidedBy().get(field))) {
						counts[0]++;
					}
				}
			}
			System.out.printf("  %s fold %d/%d: %d tested; combined %s%n", language, fold + 1, folds, decided.size(),
					scores.get("combined").get("category"));
		}
		Map<String, Double> decidedByModel = new LinkedHashMap<>();
		byModel.forEach((field, counts) -> decidedByModel.put(field, (double) counts[0] / counts[1]));
		return new Result(language, examples.size(), folds, scores, decidedByModel, disagreements, unsure, hardRules,
				rulesRecord, reliability, rulesReliability);
	}

	/** Trains one fold's model on the other folds and decides the fold's texts. */
	private List<Decided> fold(Language language, List<LabelledExample> order,
			Map<LabelledExample, RuleOutcome> ruleOutcomes, List<ModelTrainer.Doc> extraDocs, int folds, int fold) {
		List<LabelledExample> rows = new ArrayList<>();
		List<LabelledExample> test = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			(((i % folds) == fold) ? test : rows).add(order.get(i));
		}
		List<List<LabelledExample>> split = this.budget.split(rows, fold);
		List<ModelTrainer.Doc> train = new ArrayList<>(extraDocs);
		split.get(0).forEach((example) -> train.add(ModelTrainer.Doc.of(example, ruleOutcomes.get(example))));
		AugmentedModel model = this.trainer.trainAugmented(language, train, "cv-fold-" + fold);
		if (this.budget.add() > 0 && !split.get(1).isEmpty()) {
			model = addReviewed(language, model, split.get(1), train, ruleOutcomes, fold);
		}
		List<Decided> decided = new ArrayList<>();
		for (LabelledExample example : test) {
			List<String> signals = ruleOutcomes.get(example).signals();
			decided.add(new Decided(example, ruleOutcomes.get(example), Scoring.modelOnly(model, example, signals),
					Scoring.combined(this.rules, model, example)));
		}
		return decided;
	}

	/**
	 * A review simulated: the rows of the rest the budget chooses (by the first model's
	 * confidence, or at random) join the training, and the model is trained again.
	 */
	private AugmentedModel addReviewed(Language language, AugmentedModel model, List<LabelledExample> rest,
			List<ModelTrainer.Doc> train, Map<LabelledExample, RuleOutcome> ruleOutcomes, int fold) {
		String field = this.budget.field();
		Map<LabelledExample, Advice> advice = new LinkedHashMap<>();
		for (LabelledExample example : rest) {
			advice.put(example, model.advise(example, ruleOutcomes.get(example).signals()).get(field));
		}
		List<LabelledExample> chosen = this.budget.chooseFrom(rest, advice);
		chosen.forEach((example) -> train.add(ModelTrainer.Doc.of(example, ruleOutcomes.get(example))));
		System.out.printf("  %s fold %d: %d rows added; the first model had %s wrong on %d of them, on %d of all %d%n",
				language, fold + 1, chosen.size(), field, wrong(chosen, advice, field), wrong(rest, advice, field),
				rest.size());
		return this.trainer.trainAugmented(language, train, "cv-fold-" + fold);
	}

	/** How many of the rows the model alone, as advised, decided wrong on a field. */
	private static int wrong(List<LabelledExample> rows, Map<LabelledExample, Advice> advice, String field) {
		int wrong = 0;
		for (LabelledExample example : rows) {
			if (example.label(field) != null && !example.accepts(field, advice.get(example).value())) {
				wrong++;
			}
		}
		return wrong;
	}

	/** One held-out text decided three ways. */
	private record Decided(LabelledExample example, RuleOutcome alone, Map<String, String> modelOnly,
			RuleOutcome combined) {
	}

}
