package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The triage decision for a complaint: what it is, who the customer is, how to keep them,
 * and by when; {@code language} is the complaint's (absent in decisions published before
 * it was added), so what the customer is told is in their language; {@code receivedAt} is
 * when intake received the complaint, which the deadlines are counted from (absent in
 * decisions published before it was added).
 */
public record ComplaintTriaged(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, Channel channel, String regionCode, ValueTier customerTier, Category category, Nature nature,
		Persona persona, Emotion emotion, RootCauseLayer rootCauseLayer, ChurnRisk churnRisk, Playbook playbook,
		List<String> playbookSteps, Priority priority, List<RemedyOption> remedies, boolean verificationRequired,
		Deadlines deadlines, String queue, String incidentId, int repeatCount, Explanation explanation,
		Language language, Instant receivedAt) implements ComplaintEvent {

	/**
	 * When the complaint was received: a decision made after a customer's erasure request
	 * about a complaint received before it is erased data too.
	 */
	@Override
	public Instant originatedAt() {
		return (this.receivedAt != null) ? this.receivedAt : this.occurredAt;
	}

	public ComplaintTriaged {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(channel, "channel");
		Required.field(regionCode, "regionCode");
		Required.field(customerTier, "customerTier");
		Required.field(category, "category");
		Required.field(nature, "nature");
		Required.field(persona, "persona");
		Required.field(emotion, "emotion");
		Required.field(rootCauseLayer, "rootCauseLayer");
		Required.field(churnRisk, "churnRisk");
		Required.field(playbook, "playbook");
		playbookSteps = Required.list(playbookSteps, "playbookSteps");
		Required.field(priority, "priority");
		remedies = Required.list(remedies, "remedies");
		Required.field(deadlines, "deadlines");
		Required.field(queue, "queue");
		Required.field(explanation, "explanation");
	}

}
