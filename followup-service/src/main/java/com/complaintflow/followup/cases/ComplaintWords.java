package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.time.Instant;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.ExpectedRemedy;

/**
 * The complaint in the customer's words, as intake recorded it (the 5W1H form): what
 * happened, when and where, what they believe caused it and which remedy they expect by
 * when.
 *
 * @param description the symptom (What)
 * @param believedCause what the customer believes the cause is (Why)
 * @param expectedRemedy the remedy expected and by when (How)
 * @param problemOccurredAt when the problem happened (When)
 * @param address where it happened (Where), beside the region code
 * @param product the product or plan concerned
 * @param disputedAmount the amount in dispute
 * @param emotionCues the cues the hotline agent ticked
 * @param receivedAt when intake accepted the complaint
 */
public record ComplaintWords(String description, String believedCause, ExpectedRemedy expectedRemedy,
		Instant problemOccurredAt, String address, String product, BigDecimal disputedAmount, EmotionCues emotionCues,
		Instant receivedAt) {

	static ComplaintWords of(ComplaintReceived received) {
		return new ComplaintWords(received.description(), received.believedCause(), received.expectedRemedy(),
				received.problemOccurredAt(), received.location().address(), received.product(),
				received.disputedAmount(), received.emotionCues(), received.occurredAt());
	}

	/** The expected remedy as searchable text (its kind), or null. */
	String remedyText() {
		return (this.expectedRemedy != null) ? this.expectedRemedy.kind().name() : null;
	}

	@Override
	public String toString() {
		return "ComplaintWords[redacted]";
	}

}
