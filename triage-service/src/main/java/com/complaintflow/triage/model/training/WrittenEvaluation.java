package com.complaintflow.triage.model.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.RuleSet;

/**
 * Scores rules alone and rules with a model on the hand-written sets: each set the model
 * trains on is held out in turn (the model trained on the corpus, the corrections and the
 * other sets), and each test set is decided by the model trained on all of them.
 */
public final class WrittenEvaluation {

	/** The fields scored, in the report's column order. */
	/**
	 * What a test set's name says in the report (which {@link ReportComparison} reads).
	 */
	static final String NEVER_TRAINED = " (never trained or tuned on)";

	public static final List<String> FIELDS = List.of("category", "playbook", "persona", "churnRisk", "emotion",
			"nature", "rootCause");

	private final RuleSet rules;

	private final ModelTrainer trainer;

	/** Each hard rule's record on the written sets the rules were tuned on. */
	private final RulesRecord tunedOn = RulesRecord.ofHardRules();

	/** Each hard rule's record on the test sets. */
	private final RulesRecord tested = RulesRecord.ofHardRules();

	public WrittenEvaluation(RuleSet rules, ModelTrainer trainer) {
		this.rules = rules;
		this.trainer = trainer;
	}

	/**
	 * Scores per set name, then per way of deciding ({@code rules}, {@code combined}) and
	 * field.
	 */
	public Map<String, Map<String, Map<String, Scoring.FieldScore>>> run(Language language,
			List<LabelledExample> corpus, List<LabelledExample> corrections, Map<Path, List<LabelledExample>> written,
			Map<Path, List<LabelledExample>> tests) {
		// one model per held-out set and one for all the test sets, trained side by side
		List<Callable<Map<String, Map<String, Map<String, Scoring.FieldScore>>>>> runs = new ArrayList<>();
		for (Map.Entry<Path, List<LabelledExample>> heldOut : written.entrySet()) {
			if (!heldOut.getValue().isEmpty()) {
				runs.add(() -> Map.of(heldOut.getKey().getFileName() + " (held out)",
						score(train(language, corpus, corrections, written, heldOut.getKey()), heldOut.getValue(),
								this.tunedOn)));
			}
		}
		if (tests.values().stream().anyMatch((rows) -> !rows.isEmpty())) {
			runs.add(() -> scoreTests(train(language, corpus, corrections, written, null), tests));
		}
		Map<String, Map<String, Map<String, Scoring.FieldScore>>> scores = new LinkedHashMap<>();
		ParallelTraining.inOrder(runs).forEach(scores::putAll);
		return scores;
	}

	/**
	 * Each hard rule's record on the sets scored by {@link #run}: those the rules were
	 * tuned on, then the test sets.
	 */
	public Map<String, RulesRecord> hardRules() {
		Map<String, RulesRecord> records = new LinkedHashMap<>();
		records.put("written, rules tuned on them", this.tunedOn);
		records.put("written test sets" + NEVER_TRAINED, this.tested);
		return records;
	}

	/** Each test set scored by the one model trained on everything, by set name. */
	private Map<String, Map<String, Map<String, Scoring.FieldScore>>> scoreTests(AugmentedModel model,
			Map<Path, List<LabelledExample>> tests) {
		Map<String, Map<String, Map<String, Scoring.FieldScore>>> scores = new LinkedHashMap<>();
		tests.forEach((file, rows) -> {
			if (!rows.isEmpty()) {
				scores.put(file.getFileName() + NEVER_TRAINED, score(model, rows, this.tested));
			}
		});
		return scores;
	}

	private AugmentedModel train(Language language, List<LabelledExample> corpus, List<LabelledExample> corrections,
			Map<Path, List<LabelledExample>> written, Path without) {
		List<LabelledExample> examples = new ArrayList<>(corpus);
		examples.addAll(corrections);
		written.forEach((file, rows) -> {
			if (!file.equals(without)) {
				examples.addAll(WrittenSet.weighted(rows));
			}
		});
		List<ModelTrainer.Doc> docs = examples.stream()
			.map((example) -> ModelTrainer.Doc.of(example, Scoring.rules(this.rules, example)))
			.toList();
		System.out.printf("  %s written evaluation: trained on %d texts%s%n", language, docs.size(),
				(without != null) ? " without " + without.getFileName() : "");
		return this.trainer.trainAugmented(language, docs, "written-evaluation");
	}

	private Map<String, Map<String, Scoring.FieldScore>> score(AugmentedModel model, List<LabelledExample> examples,
			RulesRecord hard) {
		Map<String, Map<String, Scoring.FieldScore>> scores = new LinkedHashMap<>();
		for (String system : List.of("rules", "combined")) {
			Map<String, Scoring.FieldScore> fields = new LinkedHashMap<>();
			FIELDS.forEach((field) -> fields.put(field, new Scoring.FieldScore(field)));
			scores.put(system, fields);
		}
		for (LabelledExample example : examples) {
			RuleOutcome alone = Scoring.rules(this.rules, example);
			RuleOutcome combined = Scoring.combined(this.rules, model, example);
			hard.add(example, combined);
			for (String field : FIELDS) {
				scores.get("rules").get(field).add(example, alone.values().get(field));
				scores.get("combined").get(field).add(example, combined.values().get(field));
			}
		}
		return scores;
	}

}
