package com.complaintflow.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.Language;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.triage.rules.Advice;

/**
 * Checks a model before it is put in force: its language, that every field and value is
 * one of the decision's, sane calibration and thresholds, and that it decides sample
 * texts with probabilities that add up.
 */
final class ModelValidator {

	private static final Map<String, Class<? extends Enum<?>>> FIELDS = Map.of("category", Category.class, "emotion",
			Emotion.class, "rootCause", RootCauseLayer.class, "churnRisk", ChurnRisk.class, "nature", Nature.class,
			"persona", Persona.class, "playbook", Playbook.class);

	private static final List<String> SAMPLES = List.of("My bill doubled and nobody calls back. I will cancel.",
			"宽带三天没网了，报修也没人来，再不修我就转网！", "網路一直斷線", "x", "");

	private ModelValidator() {
	}

	/** The problems of a model, or none. */
	static List<String> problems(LanguageModel model, Language expected) {
		List<String> problems = new ArrayList<>();
		if (model.language() != expected) {
			problems.add("the file holds a " + model.language() + " model, expected " + expected);
		}
		if (model.classifiers().isEmpty()) {
			problems.add("no field classifiers");
		}
		model.classifiers().forEach((field, classifier) -> {
			Class<? extends Enum<?>> type = FIELDS.get(field);
			if (type == null) {
				problems.add("unknown field '" + field + "'");
				return;
			}
			List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			classifier.classes()
				.stream()
				.filter((value) -> !allowed.contains(value))
				.forEach((value) -> problems.add(field + ": '" + value + "' is not one of " + allowed));
			if (!(classifier.temperature() > 0 && classifier.temperature() < 100)) {
				problems.add(field + ": temperature " + classifier.temperature() + " out of range");
			}
			if (!(classifier.threshold() >= 0 && classifier.threshold() <= 1.01)) {
				problems.add(field + ": threshold " + classifier.threshold() + " out of range");
			}
		});
		if (!problems.isEmpty()) {
			return problems;
		}
		for (String sample : SAMPLES) {
			try {
				for (Map.Entry<String, Advice> advice : model.advise(sample).entrySet()) {
					double p = advice.getValue().probability();
					if (!(p > 0 && p <= 1.000001)) {
						problems.add(advice.getKey() + ": probability " + p + " for a sample text");
					}
				}
			}
			catch (RuntimeException ex) {
				problems.add("deciding a sample text failed: " + ex);
			}
		}
		return problems;
	}

}
