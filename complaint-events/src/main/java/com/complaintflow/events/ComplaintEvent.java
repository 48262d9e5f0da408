package com.complaintflow.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The envelope every event carries; {@link #type()} is the logical name used on the wire.
 */
public sealed interface ComplaintEvent permits ComplaintReceived, ComplaintTriaged, CaseEvent, CaseWorked,
		ReminderRaised, IncidentDetected, DecisionCorrected, NotificationRequested, CustomerErased, CustomerDataErased {

	/** The schema version this code writes. */
	int CURRENT_SCHEMA_VERSION = 1;

	UUID eventId();

	String source();

	Instant occurredAt();

	String complaintId();

	String customerId();

	int schemaVersion();

	@JsonProperty("type")
	default String type() {
		return EventType.of(this).typeName();
	}

	/**
	 * When the customer's data this event carries came to be, for an erasure's cut-off
	 * (an event from before the customer's erasure request is erased data): the event's
	 * own time, unless it knows an earlier one.
	 */
	@JsonIgnore
	default Instant originatedAt() {
		return occurredAt();
	}

}
