package com.complaintflow.followup.cases;

import java.util.List;

import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.RootCauseLayer;

/**
 * Triage's decision about the customer and its explanation, as the agent reads it beside
 * the case. The signals can quote matched words of the complaint and are erased with the
 * personal data.
 *
 * @param nature valid or communicative complaint
 * @param persona the customer's psychology
 * @param emotion the dominant emotion
 * @param churnRisk how likely the customer leaves
 * @param rootCauseLayer where the cause most likely lies
 * @param verificationRequired whether a large claim needs checking before paying
 * @param repeatCount earlier complaints by the same customer
 * @param rulesVersion the rules version that decided
 * @param modelVersion the learned model whose advice triage weighed, or null (the rules
 * decided alone)
 * @param signals the signals and rules that fired
 * @param confidence the confidence per decided field
 */
public record TriageFacts(Nature nature, Persona persona, Emotion emotion, ChurnRisk churnRisk,
		RootCauseLayer rootCauseLayer, boolean verificationRequired, int repeatCount, String rulesVersion,
		String modelVersion, List<String> signals, List<Confidence> confidence) {

	public TriageFacts {
		signals = (signals != null) ? List.copyOf(signals) : List.of();
		confidence = (confidence != null) ? List.copyOf(confidence) : List.of();
	}

	/**
	 * Whether the rules decided alone: no learned model's version is recorded and no
	 * field gives a model's reason (a decision stored before versions were recorded gives
	 * one).
	 */
	public boolean rulesAlone() {
		return this.modelVersion == null && !ModelReason.anyIn(this.signals);
	}

	/**
	 * These facts without the signals, which can quote the customer's words (a listed
	 * case carries none of them).
	 */
	TriageFacts withoutSignals() {
		return new TriageFacts(this.nature, this.persona, this.emotion, this.churnRisk, this.rootCauseLayer,
				this.verificationRequired, this.repeatCount, this.rulesVersion, this.modelVersion, List.of(),
				this.confidence);
	}

	static TriageFacts of(ComplaintTriaged triaged) {
		List<Confidence> confidence = triaged.explanation()
			.confidence()
			.entrySet()
			.stream()
			.map((entry) -> new Confidence(entry.getKey(), entry.getValue()))
			.sorted(java.util.Comparator.comparing(Confidence::field))
			.toList();
		return new TriageFacts(triaged.nature(), triaged.persona(), triaged.emotion(), triaged.churnRisk(),
				triaged.rootCauseLayer(), triaged.verificationRequired(), triaged.repeatCount(),
				triaged.explanation().rulesVersion(), triaged.explanation().modelVersion(),
				triaged.explanation().signals(), confidence);
	}

	/**
	 * Triage's confidence in one field (stored as a list: a field name is never a
	 * document key).
	 *
	 * @param field the decided field, for example {@code category}
	 * @param value 0 to 1
	 */
	public record Confidence(String field, Double value) {

	}

}
