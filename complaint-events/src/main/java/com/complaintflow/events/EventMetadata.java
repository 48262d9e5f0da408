package com.complaintflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Helpers for the envelope: random and deterministic event ids.
 */
public final class EventMetadata {

	private EventMetadata() {
	}

	/** A fresh random event id. */
	public static UUID newEventId() {
		return UUID.randomUUID();
	}

	/**
	 * A deterministic event id, the same for the same parts, so an effect retried after a
	 * crash publishes the same event and consumers drop the copy.
	 * @param parts what identifies the effect, for example a milestone id, a reminder
	 * kind and a level
	 * @return a name-based UUID
	 */
	public static UUID deterministicEventId(Object... parts) {
		StringBuilder name = new StringBuilder();
		for (Object part : parts) {
			name.append(part).append('|');
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Now, truncated to milliseconds so that events survive a round trip through MongoDB
	 * unchanged.
	 */
	public static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

}
