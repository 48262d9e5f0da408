package com.complaintflow.events;

/**
 * The sources that decide a field of a triage decision, as decisions, corrections
 * ({@link DecisionCorrected#decidedBy()}) and metrics name them.
 */
public final class DecidedBy {

	/**
	 * A hard rule (safety first, an explicit porting or cancelling): it wins over the
	 * model.
	 */
	public static final String HARD_RULE = "hard-rule";

	/** The learned model, sure enough to decide. */
	public static final String MODEL = "model";

	/**
	 * The rules (a rule, a keyword score, a usual value, a fallback), where no hard rule
	 * fired and the model was not sure enough.
	 */
	public static final String RULES = "rules";

	private DecidedBy() {
	}

}
