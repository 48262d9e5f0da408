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
 * other sets), and the test set is decided by the model trained on all of them.
 */
public final class WrittenEvaluation {

	/** The fields scored, in the report's column order. */
	public static final List<String> FIELDS = List.of("category", "playbook", "persona", "churnRisk", "emotion",
			"nature", "rootCause");

	private final RuleSet rules;

	private final ModelTrainer trainer;

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
			List<LabelledExample> test) {
		// one model per held-out set and one for the test set, trained side by side
		Map<String, Callable<Map<String, Map<String, Scoring.FieldScore>>>> runs = new LinkedHashMap<>();
		for (Map.Entry<Path, List<LabelledExample>> heldOut : written.entrySet()) {
			if (!heldOut.getValue().isEmpty()) {
				runs.put(heldOut.getKey().getFileName() + " (held out)",
						() -> score(train(language, corpus, corrections, written, heldOut.getKey()),
								heldOut.getValue()));
			}
		}
		if (!test.isEmpty()) {
			runs.put(test.get(0).set() + " (never trained or tuned on)",
					() -> score(train(language, corpus, corrections, written, null), test));
		}
		List<Map<String, Map<String, Scoring.FieldScore>>> results = ParallelTraining
			.inOrder(new ArrayList<>(runs.values()));
		Map<String, Map<String, Map<String, Scoring.FieldScore>>> scores = new LinkedHashMap<>();
		int i = 0;
		for (String name : runs.keySet()) {
			scores.put(name, results.get(i++));
		}
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

	private Map<String, Map<String, Scoring.FieldScore>> score(AugmentedModel model, List<LabelledExample> examples) {
		Map<String, Map<String, Scoring.FieldScore>> scores = new LinkedHashMap<>();
		for (String system : List.of("rules", "combined")) {
			Map<String, Scoring.FieldScore> fields = new LinkedHashMap<>();
			FIELDS.forEach((field) -> fields.put(field, new Scoring.FieldScore(field)));
			scores.put(system, fields);
		}
		for (LabelledExample example : examples) {
			RuleOutcome alone = Scoring.rules(this.rules, example);
			RuleOutcome combined = Scoring.combined(this.rules, model, example);
			for (String field : FIELDS) {
				scores.get("rules").get(field).add(example, alone.values().get(field));
				scores.get("combined").get(field).add(example, combined.values().get(field));
			}
		}
		return scores;
	}

}
