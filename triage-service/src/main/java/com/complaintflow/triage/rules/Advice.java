package com.complaintflow.triage.rules;

import java.util.List;

/**
 * What the learned model says about one decision field: its value, the calibrated
 * probability, the threshold (chosen on validation data) the probability must reach to
 * decide, and the n-grams that weighed most for the value.
 *
 * @param value the value the model chose
 * @param probability its calibrated probability
 * @param threshold the probability at or above which the model decides the field
 * @param evidence the n-grams that weighed most, with their weight ("'refund' +0.42")
 */
public record Advice(String value, double probability, double threshold, List<String> evidence) {

	public Advice {
		evidence = List.copyOf(evidence);
	}

	/** A number with two decimals ("0.42"), without the cost of a format string. */
	public static String twoDecimals(double value) {
		long hundredths = Math.round(Math.abs(value) * 100);
		long fraction = hundredths % 100;
		return ((value < 0 && hundredths > 0) ? "-" : "") + (hundredths / 100) + ((fraction < 10) ? ".0" : ".")
				+ fraction;
	}

	/** Whether the model is sure enough to decide the field. */
	public boolean decides() {
		return this.probability >= this.threshold;
	}

}
