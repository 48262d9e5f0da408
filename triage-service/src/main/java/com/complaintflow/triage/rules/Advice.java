package com.complaintflow.triage.rules;

import java.util.List;

import com.complaintflow.events.ModelReason;

/**
 * What the learned model says about one decision field: its value, the calibrated
 * probability, the threshold (chosen on validation data) the probability must reach to
 * decide, the n-grams that weighed most for the value, and which model said it.
 *
 * @param value the value the model chose
 * @param probability its calibrated probability
 * @param threshold the probability at or above which the model decides the field
 * @param evidence the n-grams that weighed most, with their weight, largest first
 * @param model the version of the model file that advised, or null for a model that is no
 * file (one trained in memory)
 * @param next the model's next most probable value, or null
 * @param nextEvidence the n-grams that weighed most for the next value, where the console
 * may suggest it (the model unsure, or not deciding); else none
 * @param alone for a category or playbook the model took to fit the other field, its most
 * probable value alone (which did not fit), with its probability; else null (the value's
 * probability is then the one given that the two fit)
 */
public record Advice(String value, double probability, double threshold, List<ModelReason.Weighed> evidence,
		String model, ModelReason.Next next, List<ModelReason.Weighed> nextEvidence, ModelReason.Next alone) {

	public Advice {
		evidence = List.copyOf(evidence);
		nextEvidence = List.copyOf(nextEvidence);
	}

	/** Advice on a value that is the model's most probable alone. */
	public Advice(String value, double probability, double threshold, List<ModelReason.Weighed> evidence, String model,
			ModelReason.Next next, List<ModelReason.Weighed> nextEvidence) {
		this(value, probability, threshold, evidence, model, next, nextEvidence, null);
	}

	/** Advice without the evidence for its next value. */
	public Advice(String value, double probability, double threshold, List<ModelReason.Weighed> evidence, String model,
			ModelReason.Next next) {
		this(value, probability, threshold, evidence, model, next, List.of(), null);
	}

	/** Advice of a model trained in memory, which has no file version. */
	public Advice(String value, double probability, double threshold, List<ModelReason.Weighed> evidence) {
		this(value, probability, threshold, evidence, null, null, List.of(), null);
	}

	/**
	 * The n-grams that weighed most for one of the two values the model ranked first, or
	 * none for another value.
	 */
	public List<ModelReason.Weighed> evidenceFor(String candidate) {
		if (candidate.equals(this.value)) {
			return this.evidence;
		}
		return (this.next != null && candidate.equals(this.next.value())) ? this.nextEvidence : List.of();
	}

	/** Whether the model is sure enough to decide the field. */
	public boolean decides() {
		return this.probability >= this.threshold;
	}

}
