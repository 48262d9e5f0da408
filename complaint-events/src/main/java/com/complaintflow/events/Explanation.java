package com.complaintflow.events;

import java.util.List;
import java.util.Map;

/**
 * Why triage decided what it did: the signals and rules that fired, a confidence per
 * field, and the rules version.
 */
public record Explanation(String rulesVersion, List<String> signals, Map<String, Double> confidence) {

	/**
	 * Below this confidence a field is worth asking staff about: the console's case page
	 * asks where a field staff have not checked is below it, and the training report
	 * measures how often that is, and how often such a field is wrong.
	 */
	public static final double UNSURE_BELOW = 0.5;

	public Explanation {
		Required.field(rulesVersion, "explanation.rulesVersion");
		signals = Required.listOrEmpty(signals);
		confidence = (confidence != null) ? Map.copyOf(confidence) : Map.of();
	}

}
