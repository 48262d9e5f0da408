package com.complaintflow.analytics.journal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintEvent;
import org.bson.Document;

/**
 * One event of a complaint as the journal keeps it: its identity, type, source, time and
 * the attributes analytics needs.
 *
 * @param eventId the event's id
 * @param type the logical type name
 * @param source the service that published it
 * @param occurredAt when it happened
 * @param attributes dimensions, times and outcomes, never personal data
 */
public record JournalEntry(String eventId, String type, String source, Instant occurredAt,
		Map<String, Object> attributes) {

	/** The entry the journal keeps for an event. */
	public static JournalEntry of(ComplaintEvent event) {
		return new JournalEntry(event.eventId().toString(), event.type(), event.source(), event.occurredAt(),
				EventAttributes.of(event));
	}

	/** The entry stored under its event id ({@link #toDocument()}). */
	public static JournalEntry of(String eventId, Document entry) {
		return new JournalEntry(eventId, entry.getString("type"), entry.getString("source"),
				entry.getDate("at").toInstant(), entry.get("attrs", Document.class));
	}

	/** The entry as stored, without its event id (the key it is stored under). */
	public Document toDocument() {
		return new Document("type", this.type).append("source", this.source)
			.append("at", Date.from(this.occurredAt))
			.append("attrs", (this.attributes instanceof Document doc) ? doc : new Document(this.attributes));
	}

	/** A text attribute, or null. */
	public String text(String name) {
		Object value = this.attributes.get(name);
		return (value != null) ? value.toString() : null;
	}

	/** A numeric attribute, or the fallback. */
	public long number(String name, long fallback) {
		Object value = this.attributes.get(name);
		return (value instanceof Number number) ? number.longValue() : fallback;
	}

	/** A time attribute, or null. */
	public Instant time(String name) {
		Object value = this.attributes.get(name);
		return (value instanceof Date date) ? date.toInstant() : null;
	}

	/** A list attribute, or an empty list. */
	@SuppressWarnings("unchecked")
	public <T> List<T> list(String name) {
		Object value = this.attributes.get(name);
		return (value instanceof List<?> list) ? (List<T>) list : List.of();
	}

}
