package com.complaintflow.triage.model;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.training.CrossValidation;
import com.complaintflow.triage.model.training.LabelledExample;
import com.complaintflow.triage.model.training.ModelTrainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-validation trains its folds side by side and scores every held-out text once per
 * way of deciding, in fold order: the same figures however many folds run at once.
 */
class CrossValidationTests {

	@Test
	void everyTextIsScoredOnceAndTheSmallCorpusIsLearned() {
		List<LabelledExample> examples = SmallCorpus.examples(Language.EN);
		CrossValidation validation = new CrossValidation(SmallCorpus.RULES,
				new ModelTrainer(new ModelTrainer.Options(10_000, 1, Map.of("*", 4.0), 3, 42)));

		CrossValidation.Result result = validation.run(Language.EN, examples, List.of(), 3, 42);

		assertThat(result.scores().get("combined").get("category").toString()).endsWith("(n=" + examples.size() + ")");
		assertThat(result.scores().get("model").get("category").accuracy()).isGreaterThan(0.9);
	}

}
