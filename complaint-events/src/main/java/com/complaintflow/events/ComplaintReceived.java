package com.complaintflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint accepted by intake, recorded in the 5W1H form.
 */
public record ComplaintReceived(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
		int schemaVersion, Channel channel, Customer customer, Instant problemOccurredAt, Location location,
		String description, String believedCause, ExpectedRemedy expectedRemedy, String product,
		BigDecimal disputedAmount, EmotionCues emotionCues, Language language) implements ComplaintEvent {

	public ComplaintReceived {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(channel, "channel");
		Required.field(customer, "customer");
		Required.field(location, "location");
		Required.field(description, "description");
		Required.field(emotionCues, "emotionCues");
		Required.field(language, "language");
	}

	@Override
	public String toString() {
		return "ComplaintReceived[complaintId=" + this.complaintId + ", channel=" + this.channel + ", location="
				+ this.location + "]";
	}

}
