package com.complaintflow.triage.model.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.PlaybookCategories;
import com.complaintflow.triage.model.SparseVector;
import com.complaintflow.triage.rules.Advice;

/**
 * A model trained in cross-validation with, for some fields, weights for a text's
 * sentence embedding beside its n-grams: advises as the {@link LanguageModel} does, plus
 * the embedding's contribution to each such field's scores (training and cross-validation
 * only; a model file holds no embedding weights).
 *
 * @param model the n-gram model (all of it when there are no embedding weights)
 * @param dense field key to its embedding weights ({@code [d * values + value]})
 * @param features the embeddings of the texts (null when {@code dense} is empty)
 */
public record AugmentedModel(LanguageModel model, Map<String, float[]> dense, DenseFeatures features) {

	/**
	 * The advice on an example's text whose rules fired the given signals; without
	 * embedding weights exactly {@link LanguageModel#advise(String, List)}. Explanations
	 * carry no evidence here.
	 */
	public Map<String, Advice> advise(LabelledExample example, List<String> signals) {
		if (this.dense.isEmpty()) {
			return this.model.advise(example.text(), signals);
		}
		Map<String, Advice> advice = new LinkedHashMap<>();
		Map<String, double[]> probabilities = probabilities(example, signals);
		PlaybookCategories.Fit fit = fittingPair(probabilities);
		probabilities.forEach((field, p) -> {
			FieldClassifier classifier = this.model.classifiers().get(field);
			int best = FieldClassifier.best(p);
			double probability = p[best];
			if (fit != null && "category".equals(field)) {
				best = fit.category();
				probability = fit.categoryProbability();
			}
			else if (fit != null && "playbook".equals(field)) {
				best = fit.playbook();
				probability = fit.playbookProbability();
			}
			advice.put(field,
					new Advice(classifier.classes().get(best), probability, classifier.threshold(), List.of()));
		});
		return advice;
	}

	/**
	 * The category and playbook that fit each other and are together most probable, as
	 * {@link LanguageModel#advise} chooses them (null without both fields).
	 */
	private PlaybookCategories.Fit fittingPair(Map<String, double[]> probabilities) {
		double[] category = probabilities.get("category");
		double[] playbook = probabilities.get("playbook");
		if (category == null || playbook == null) {
			return null;
		}
		return PlaybookCategories.mostProbableFitting(this.model.classifiers().get("category").classes(),
				logOf(category), this.model.classifiers().get("playbook").classes(), logOf(playbook));
	}

	/**
	 * Log-probabilities, a probability that underflowed to 0 the least a double holds.
	 */
	private static double[] logOf(double[] probabilities) {
		return Arrays.stream(probabilities).map((p) -> Math.log(Math.max(p, Double.MIN_VALUE))).toArray();
	}

	/** Each field's calibrated probabilities, in its classes' order. */
	private Map<String, double[]> probabilities(LabelledExample example, List<String> signals) {
		float[] embedding = this.dense.isEmpty() ? null : this.features.of(example);
		SparseVector x = SparseVector.of(example.text(), signals, this.model.scheme(), this.model.vocabulary());
		SparseVector none = SparseVector.ofFolded("", this.model.scheme(), this.model.vocabulary());
		Map<String, double[]> probabilities = new LinkedHashMap<>();
		this.model.classifiers().forEach((field, classifier) -> {
			float[] weights = this.dense.get(field);
			boolean alone = weights != null && this.features.only();
			double[] scores = plusDense(classifier.scores(alone ? none : x), weights, embedding);
			probabilities.put(field, FieldClassifier.softmax(scores, classifier.temperature(), classifier.offsets()));
		});
		return probabilities;
	}

	/**
	 * Adds an embedding's contribution ({@code weights[d * values + value]}) to a field's
	 * scores; no weights or no embedding adds nothing.
	 */
	static double[] plusDense(double[] scores, float[] weights, float[] embedding) {
		if (weights == null || embedding == null) {
			return scores;
		}
		int n = scores.length;
		for (int d = 0; d < embedding.length; d++) {
			double value = embedding[d];
			for (int c = 0; c < n; c++) {
				scores[c] += weights[d * n + c] * value;
			}
		}
		return scores;
	}

}
