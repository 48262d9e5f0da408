package com.complaintflow.triage.decision;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelReason;
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

	/**
	 * The model label of a decision a model decided in before versions were recorded
	 * (2026-12-05).
	 */
	static final String UNRECORDED = "unrecorded";

	private final MeterRegistry meters;

	DecisionChecks(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Counts a correction newly stored (never its retry).
	 * @param correction the correction; one whose value is triage's own is a confirmation
	 * @param explanation the explanation of the decision it checks
	 */
	void counted(Correction correction, Explanation explanation) {
		Counter.builder("triage.decision.checks")
			.description("Staff checks of triage decisions: corrected or confirmed, by field, by what had decided "
					+ "the field, by the learned model that weighed in, and whether staff took the value the "
					+ "console suggested where triage was unsure")
			.tags("field", correction.field(), "outcome",
					correction.value().equals(correction.previousValue()) ? "confirmed" : "corrected", "decided_by",
					correction.decidedBy(), "model", model(explanation), "suggestion", suggestion(correction))
			.register(this.meters)
			.increment();
	}

	/**
	 * {@code taken} where the console suggested a value ({@link ConsoleSuggestion}) and
	 * staff corrected to it, {@code not_taken} where it suggested one and staff confirmed
	 * or chose another, {@code none} where it suggested nothing.
	 */
	private static String suggestion(Correction correction) {
		if (correction.suggestedValue() == null) {
			return "none";
		}
		return correction.tookSuggestion() ? "taken" : "not_taken";
	}

	private static String model(Explanation explanation) {
		if (explanation.modelVersion() != null) {
			return explanation.modelVersion();
		}
		return ModelReason.anyIn(explanation.signals()) ? UNRECORDED : NO_MODEL;
	}

}
