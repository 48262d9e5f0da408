package com.complaintflow.intake.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EventType;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import com.complaintflow.events.kafka.EventJson;
import org.bson.Document;

/**
 * What intake remembers about one Idempotency-Key: the hash of the body it was first used
 * with, the complaint it created and the exact event to publish (same eventId on every
 * re-publish), and whether Kafka has acknowledged it.
 *
 * @param id channel and key, {@code HOTLINE:<key>}
 * @param requestHash SHA-256 of the canonical request
 * @param complaintId the complaint created for the key
 * @param state PENDING until Kafka acknowledged, then SENT; FAILED after a 503
 * @param eventJson the ComplaintReceived event as published
 * @param attemptAt when the last publish attempt started
 * @param expiresAt when the key may be forgotten
 * @param traceParent the W3C trace context of the request that created it (the relay
 * publishes in that trace), or null
 */
record IdempotencyRecord(String id, String requestHash, String complaintId, State state, String eventJson,
		Instant attemptAt, Instant expiresAt, String traceParent) {

	/** Where a record is on its way to Kafka. */
	enum State {

		/** Written, publish in progress (or interrupted by a crash). */
		PENDING,
		/** Kafka acknowledged the event. */
		SENT,
		/** The publish timed out and the client got 503; a retry with the key resumes. */
		FAILED

	}

	static IdempotencyRecord pending(String id, String requestHash, ComplaintReceived event, Instant now,
			Instant expiresAt, String traceParent) {
		return new IdempotencyRecord(id, requestHash, event.complaintId(), State.PENDING,
				EventJson.mapper().writeValueAsString(event), now, expiresAt, traceParent);
	}

	ComplaintReceived event() {
		return (ComplaintReceived) ComplaintEventDeserializer.read(EventType.COMPLAINT_RECEIVED.typeName(),
				this.eventJson.getBytes(StandardCharsets.UTF_8));
	}

	Document toDocument() {
		return new Document("_id", this.id).append("requestHash", this.requestHash)
			.append("complaintId", this.complaintId)
			.append("state", this.state.name())
			.append("event", this.eventJson)
			.append("attemptAt", Date.from(this.attemptAt))
			.append("expiresAt", Date.from(this.expiresAt))
			.append("traceParent", this.traceParent);
	}

	static IdempotencyRecord fromDocument(Document document) {
		return new IdempotencyRecord(document.getString("_id"), document.getString("requestHash"),
				document.getString("complaintId"), State.valueOf(document.getString("state")),
				document.getString("event"), document.getDate("attemptAt").toInstant(),
				document.getDate("expiresAt").toInstant(), document.getString("traceParent"));
	}

	@Override
	public String toString() {
		return "IdempotencyRecord[complaintId=" + this.complaintId + ", state=" + this.state + "]";
	}

}
