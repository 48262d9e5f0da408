package com.complaintflow.events.time;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads an {@link Instant} with the mapper's own deserializer and fails, naming the
 * field, when it is out of the {@link InstantRange}.
 */
class InstantRangeDeserializer extends DelegatingDeserializer {

	InstantRangeDeserializer(ValueDeserializer<?> delegate) {
		super(delegate);
	}

	@Override
	protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
		return new InstantRangeDeserializer(delegate);
	}

	@Override
	public Object deserialize(JsonParser parser, DeserializationContext context) {
		Object value = super.deserialize(parser, context);
		if (value instanceof Instant instant && !InstantRange.contains(instant)) {
			throw context.weirdStringException(parser.getString(), Instant.class, InstantRange.OUT_OF_RANGE);
		}
		return value;
	}

}
