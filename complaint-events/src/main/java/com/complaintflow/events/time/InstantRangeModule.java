package com.complaintflow.events.time;

import java.time.Instant;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson module that makes a mapper reject an {@link Instant} out of the
 * {@link InstantRange}: the instant is read as the mapper would, then checked.
 */
public class InstantRangeModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	public InstantRangeModule() {
		super("complaintflow-instant-range");
		setDeserializerModifier(new ValueDeserializerModifier() {

			private static final long serialVersionUID = 1L;

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return (description.getBeanClass() == Instant.class) ? new InstantRangeDeserializer(deserializer)
						: deserializer;
			}

		});
	}

}
