package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something the customer must be told, already worded in the complaint's language; the
 * event id is the notice's idempotency key, so a notice is sent once whatever repeats it.
 */
public record NotificationRequested(UUID eventId, String source, Instant occurredAt, String complaintId,
		String customerId, int schemaVersion, String caseId, NotificationKind kind, Language language, String text,
		String incidentId) implements ComplaintEvent {

	public NotificationRequested {
		Required.envelope(eventId, source, occurredAt, complaintId, customerId, schemaVersion);
		Required.field(caseId, "caseId");
		Required.field(kind, "kind");
		Required.field(language, "language");
		Required.field(text, "text");
	}

	@Override
	public String toString() {
		return "NotificationRequested[eventId=" + this.eventId + ", complaintId=" + this.complaintId + ", kind="
				+ this.kind + "]";
	}

}
