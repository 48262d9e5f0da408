package com.complaintflow.triage.rules;

import java.util.List;

import com.complaintflow.events.ModelReason;

/**
 * What the learned model says about one decision field: its value, the calibrated
 * probability, the threshold (chosen on validation data) the probability must reach to
 * decide, and the n-grams that weighed most for the value.
 *
 * @param value the value the model chose
 * @param probability its calibrated probability
 * @param threshold the probability at or above which the model decides the field
 * @param evidence the n-grams that weighed most, with their weight, largest first
 */
public record Advice(String value, double probability, double threshold, List<ModelReason.Weighed> evidence) {

	public Advice {
		evidence = List.copyOf(evidence);
	}

	/** Whether the model is sure enough to decide the field. */
	public boolean decides() {
		return this.probability >= this.threshold;
	}

}
