package com.complaintflow.triage.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the staff checks of triage's decisions by field, outcome (corrected or
 * confirmed), what had decided the field and the learned model that weighed in, so the
 * share staff find wrong can be compared between models after a retraining.
 */
@Component
class DecisionChecks {

	/** The model label of a decision the rules made alone. */
	static final String NO_MODEL = "none";

	private final MeterRegistry meters;

	DecisionChecks(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Counts a correction newly stored (never its retry).
	 * @param correction the correction; one whose value is triage's own is a confirmation
	 * @param modelVersion the model named in the decision's explanation, or null
	 */
	void counted(Correction correction, String modelVersion) {
		Counter.builder("triage.decision.checks")
			.description("Staff checks of triage decisions: corrected or confirmed, by field, by what had decided "
					+ "the field and by the learned model that weighed in")
			.tags("field", correction.field(), "outcome",
					correction.value().equals(correction.previousValue()) ? "confirmed" : "corrected", "decided_by",
					correction.decidedBy(), "model", (modelVersion != null) ? modelVersion : NO_MODEL)
			.register(this.meters)
			.increment();
	}

}
