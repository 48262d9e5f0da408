package com.complaintflow.events;

import java.util.List;
import java.util.Map;

/**
 * Why triage decided what it did: the signals and rules that fired, a confidence per
 * field, and the rules version.
 */
public record Explanation(String rulesVersion, List<String> signals, Map<String, Double> confidence) {

	public Explanation {
		Required.field(rulesVersion, "explanation.rulesVersion");
		signals = Required.listOrEmpty(signals);
		confidence = (confidence != null) ? Map.copyOf(confidence) : Map.of();
	}

}
