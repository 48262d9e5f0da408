package com.complaintflow.triage.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.training.CrossValidation;
import com.complaintflow.triage.model.training.DenseFeatures;
import com.complaintflow.triage.model.training.LabelledExample;
import com.complaintflow.triage.model.training.ModelTrainer;
import com.complaintflow.triage.model.training.Scoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sentence embeddings as dense features in cross-validation (the experiment behind
 * {@code -Dtriage.train.embeddings}): what the embedding carries is learned, the
 * embedding alone is all the model sees when asked, a changed text is never paired with a
 * stale vector, and a model trained with embeddings is never written as a model file.
 */
class CrossValidationWithEmbeddingsTests {

	private static final ModelTrainer.Options OPTIONS = new ModelTrainer.Options(10_000, 1, Map.of("*", 4.0), 3, 42);

	@TempDir
	Path dir;

	@Test
	void anEmbeddingAloneThatCarriesTheCategoryIsLearnedAndOneThatCarriesNothingIsNot() throws IOException {
		List<LabelledExample> examples = SmallCorpus.examples(Language.EN);
		List<String> categories = examples.stream().map((example) -> example.label("category")).distinct().toList();
		Random random = new Random(3);
		Map<String, float[]> telling = new LinkedHashMap<>();
		Map<String, float[]> noise = new LinkedHashMap<>();
		for (LabelledExample example : examples) {
			float[] one = new float[8];
			float[] other = new float[8];
			for (int d = 0; d < 8; d++) {
				one[d] = (float) (0.1 * random.nextGaussian());
				other[d] = (float) random.nextGaussian();
			}
			one[categories.indexOf(example.label("category"))] += 1;
			telling.put(example.key(), one);
			noise.put(example.key(), other);
		}

		double learned = categoryAccuracy(examples, cache("telling", examples, telling));
		double chance = categoryAccuracy(examples, cache("noise", examples, noise));

		// three categories of 12 texts each; the n-grams alone would learn them all
		assertThat(learned).isGreaterThan(0.9);
		assertThat(chance).isLessThan(0.7);
	}

	@Test
	void aTextChangedSinceItsEmbeddingWasComputedIsAnError() throws IOException {
		List<LabelledExample> examples = SmallCorpus.examples(Language.EN);
		Map<String, float[]> vectors = new LinkedHashMap<>();
		examples.forEach((example) -> vectors.put(example.key(), new float[] { 3, 4 }));
		DenseFeatures features = DenseFeatures.read(cache("changed", examples, vectors), 2, Set.of("*"), false);
		LabelledExample first = examples.get(0);

		assertThat(features.of(first)).containsExactly(1.2f, 1.6f);
		LabelledExample changed = new LabelledExample(first.set(), first.key(), first.language(),
				first.text() + " and more", first.labels(), first.alt(), first.complaint(), first.source());
		assertThatIllegalStateException().isThrownBy(() -> features.of(changed)).withMessageContaining("stale");
	}

	@Test
	void aModelTrainedWithEmbeddingsIsNeverWrittenAsAModelFile() throws IOException {
		List<LabelledExample> examples = SmallCorpus.examples(Language.EN);
		Map<String, float[]> vectors = new LinkedHashMap<>();
		examples.forEach((example) -> vectors.put(example.key(), new float[] { 1, 0 }));
		ModelTrainer trainer = new ModelTrainer(OPTIONS,
				DenseFeatures.read(cache("write", examples, vectors), 1, Set.of("category"), false));
		List<ModelTrainer.Doc> docs = examples.stream()
			.map((example) -> ModelTrainer.Doc.of(example, Scoring.rules(SmallCorpus.RULES, example)))
			.toList();

		assertThat(trainer.trainAugmented(Language.EN, docs, "test").dense()).containsOnlyKeys("category");
		assertThatIllegalStateException().isThrownBy(() -> trainer.train(Language.EN, docs, "test"));
	}

	private double categoryAccuracy(List<LabelledExample> examples, Path cache) throws IOException {
		// the playbook sees the embedding alone too: the model decides the category with
		// the playbook that fits it, and the playbook's n-grams would tell the category
		DenseFeatures alone = DenseFeatures.read(cache, 1, Set.of("category", "playbook"), true);
		CrossValidation validation = new CrossValidation(SmallCorpus.RULES, new ModelTrainer(OPTIONS, alone));
		return validation.run(Language.EN, examples, List.of(), 3, 42).scores().get("model").get("category").accuracy();
	}

	private Path cache(String name, List<LabelledExample> examples, Map<String, float[]> vectors) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		examples.forEach((example) -> texts.put(example.key(), example.text()));
		Path cache = this.dir.resolve(name);
		DenseFeatures.write(DenseFeatures.file(cache, Language.EN), "test vectors", texts, vectors);
		return cache;
	}

}
