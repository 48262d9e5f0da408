package com.complaintflow.triage.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.training.ModelTrainer;
import com.complaintflow.triage.model.training.Scoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retraining keeps the operating point of the model in force where a new one would be no
 * better than the noise, and replaces it where the new one is clearly better.
 */
class KeptOperatingPointsTests {

	private static final ModelTrainer TRAINER = new ModelTrainer(
			new ModelTrainer.Options(10_000, 1, Map.of("*", 4.0), 3, 42));

	private static final List<ModelTrainer.Doc> DOCS = SmallCorpus.examples(Language.EN)
		.stream()
		.map((example) -> ModelTrainer.Doc.of(example, Scoring.rules(SmallCorpus.RULES, example)))
		.toList();

	@Test
	void aPointInForceThatDecidesAsTheBestDoesIsKept() {
		LanguageModel chosenAnew = TRAINER.train(Language.EN, DOCS, "anew");
		FieldClassifier persona = chosenAnew.classifiers().get("persona");
		assertThat(persona.classes()).hasSize(2);
		assertThat(persona.threshold()).isZero();
		// of two values the likelier is always at least 50 % likely: a threshold of 0.30
		// decides every text as the best point, 0.00, does
		LanguageModel inForce = with(chosenAnew, persona.calibrated(persona.temperature(), 0.30, persona.offsets()));

		ModelTrainer keeping = TRAINER.keeping(Map.of(Language.EN, inForce));
		LanguageModel retrained = keeping.train(Language.EN, DOCS, "kept");

		assertThat(retrained.classifiers().get("persona").threshold()).isEqualTo(0.30);
		assertThat(keeping.operatingPoints()).anySatisfy((line) -> assertThat(line).startsWith("EN persona: p >= 0.30")
			.contains("kept against the best, p >= 0.00"));
		assertThat(keeping.operatingPoints()).anySatisfy(
				(line) -> assertThat(line).startsWith("EN category: p >= 0.00").endsWith("kept, still the best"));
	}

	@Test
	void aPointInForceClearlyLessAccurateIsReplaced() {
		// every text pushed to BILLING: two thirds of the categories wrong
		assertReplaced("category", "BILLING", "EN category: p >= 0.00, BILLING +1000.00");
	}

	@Test
	void aPointInForceThatNowMissesTheTargetIsReplaced() {
		// every complaint sent to standard care: a wrong fallback far over the limit
		assertReplaced("playbook", "STANDARD_CARE", "EN playbook: p >= 0.00, STANDARD_CARE +1000.00");
	}

	/**
	 * A model in force whose field pushes one value far up is replaced by the point
	 * chosen anew.
	 */
	private static void assertReplaced(String field, String value, String line) {
		LanguageModel chosenAnew = TRAINER.train(Language.EN, DOCS, "anew");
		FieldClassifier anew = chosenAnew.classifiers().get(field);
		float[] offsets = anew.offsets();
		offsets[anew.classes().indexOf(value)] = 1000;
		LanguageModel inForce = with(chosenAnew, anew.calibrated(anew.temperature(), 0, offsets));

		ModelTrainer keeping = TRAINER.keeping(Map.of(Language.EN, inForce));
		FieldClassifier retrained = keeping.train(Language.EN, DOCS, "replaced").classifiers().get(field);

		assertThat(retrained.offsets()).containsExactly(anew.offsets());
		assertThat(retrained.threshold()).isEqualTo(anew.threshold());
		assertThat(keeping.operatingPoints())
			.anySatisfy((text) -> assertThat(text).startsWith(line).contains("replaced by the best"));
	}

	@Test
	void aLanguageWithoutAModelInForceChoosesAnew() {
		LanguageModel zh = SmallCorpus.model(Language.ZH);
		ModelTrainer keeping = TRAINER.keeping(Map.of(Language.ZH, zh));

		LanguageModel retrained = keeping.train(Language.EN, DOCS, "anew");

		assertThat(keeping.operatingPoints()).isEmpty();
		TRAINER.train(Language.EN, DOCS, "anew")
			.classifiers()
			.forEach((field, classifier) -> assertThat(retrained.classifiers().get(field).threshold())
				.isEqualTo(classifier.threshold()));
	}

	/** The model with one field's classifier replaced. */
	private static LanguageModel with(LanguageModel model, FieldClassifier classifier) {
		Map<String, FieldClassifier> classifiers = new LinkedHashMap<>(model.classifiers());
		classifiers.put(classifier.field(), classifier);
		return new LanguageModel(model.language(), model.version(), model.scheme(), model.vocabulary(), classifiers);
	}

}
