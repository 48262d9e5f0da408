package com.complaintflow.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Why triage decided what it did: the signals and rules that fired, a confidence per
 * field, the rules version and the learned model's version.
 *
 * @param rulesVersion the rules that decided
 * @param signals the signals, rules and model reasons that fired
 * @param confidence how sure the decision was of each field (0 to 1)
 * @param modelVersion the learned model whose advice was weighed, or null where the
 * language had none in force (the rules decided alone)
 */
public record Explanation(String rulesVersion, List<String> signals, Map<String, Double> confidence,
		String modelVersion) {

	/**
	 * Below this confidence a field is worth asking staff about: the console's case page
	 * asks where a field staff have not checked is below it, and the training report
	 * measures how often that is, and how often such a field is wrong.
	 */
	public static final double UNSURE_BELOW = 0.5;

	/** Whether a field's confidence (null: not told) is below {@link #UNSURE_BELOW}. */
	public static boolean unsure(Double confidence) {
		return confidence != null && confidence < UNSURE_BELOW;
	}

	/**
	 * The first of a decision's signals that {@code parse} reads (it returns null for a
	 * signal of another kind) and that is {@code wanted}.
	 */
	public static <T> Optional<T> firstSignal(List<String> signals, Function<String, T> parse, Predicate<T> wanted) {
		return signals.stream().map(parse).filter((parsed) -> parsed != null && wanted.test(parsed)).findFirst();
	}

	public Explanation {
		Required.field(rulesVersion, "explanation.rulesVersion");
		signals = Required.listOrEmpty(signals);
		confidence = (confidence != null) ? Map.copyOf(confidence) : Map.of();
	}

	/** An explanation of a decision the rules made alone. */
	public Explanation(String rulesVersion, List<String> signals, Map<String, Double> confidence) {
		this(rulesVersion, signals, confidence, null);
	}

}
