package com.complaintflow.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The event a record of a batch listener's poll carries: a batch listener receives a
 * record that could not be read as it is (its value null, the failure in a header), so it
 * asks here and gets the event or the failure to report for that record alone.
 */
public final class BatchRecords {

	private static final LogAccessor log = new LogAccessor(BatchRecords.class);

	private BatchRecords() {
	}

	/**
	 * The record's event.
	 * @param record a record of the poll
	 * @param type the event type the listener takes
	 * @param <T> that type
	 * @return the event
	 * @throws DeserializationException when the record could not be read (not JSON, an
	 * unknown type or schema version)
	 * @throws IllegalArgumentException when it is another event
	 */
	public static <T> T event(ConsumerRecord<?, ?> record, Class<T> type) {
		if (type.isInstance(record.value())) {
			return type.cast(record.value());
		}
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		if (failure != null) {
			throw failure;
		}
		throw new IllegalArgumentException("not a " + type.getSimpleName() + ": "
				+ ((record.value() != null) ? record.value().getClass().getSimpleName() : "null"));
	}

}
