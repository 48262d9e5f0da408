package com.complaintflow.triage.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;

/**
 * The learned triage model of one language: its n-gram vocabulary and one classifier per
 * decision field. Immutable and thread-safe.
 *
 * @param language the language it reads
 * @param version the version quoted in explanations and status
 * @param scheme how n-grams are taken
 * @param vocabulary the known n-grams
 * @param classifiers field key to classifier
 */
public record LanguageModel(Language language, String version, NgramFeatures scheme, Vocabulary vocabulary,
		Map<String, FieldClassifier> classifiers) {

	public LanguageModel {
		classifiers = Map.copyOf(classifiers);
	}

	/** The model's advice for every field it classifies. */
	public Map<String, Advice> advise(String text) {
		SparseVector x = features(text);
		Map<String, Advice> advice = new LinkedHashMap<>();
		this.classifiers.forEach((field, classifier) -> advice.put(field, classifier.advise(x)));
		return advice;
	}

	/** The text's features under this model's vocabulary. */
	public SparseVector features(String text) {
		return SparseVector.of(text, this.scheme, this.vocabulary);
	}

	/** The fields it classifies. */
	public List<String> fields() {
		return List.copyOf(this.classifiers.keySet());
	}

}
