package com.complaintflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Checks that a required event field is present, so a malformed record fails with the
 * field's name.
 */
final class Required {

	private Required() {
	}

	static <T> T field(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("missing required field '" + name + "'");
		}
		if (value instanceof String text && text.isBlank()) {
			throw new IllegalArgumentException("required field '" + name + "' is blank");
		}
		return value;
	}

	static <T> List<T> list(List<T> value, String name) {
		return List.copyOf(field(value, name));
	}

	static <T> List<T> listOrEmpty(List<T> value) {
		return (value != null) ? List.copyOf(value) : List.of();
	}

	static void envelope(UUID eventId, String source, Instant occurredAt, String complaintId, String customerId,
			int schemaVersion) {
		field(eventId, "eventId");
		field(source, "source");
		field(occurredAt, "occurredAt");
		field(complaintId, "complaintId");
		field(customerId, "customerId");
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schemaVersion must be 1 or more, was " + schemaVersion);
		}
	}

}
