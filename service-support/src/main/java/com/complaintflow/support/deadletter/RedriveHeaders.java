package com.complaintflow.support.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * The header a re-driven record carries with the consumer group it is re-driven for;
 * every other group's listeners skip it, since they processed the original already.
 */
public final class RedriveHeaders {

	/** The consumer group a re-driven record is meant for. */
	public static final String GROUP = "redrive-group";

	/** The audit id of the re-drive that published the record. */
	public static final String REDRIVE_ID = "redrive-id";

	private RedriveHeaders() {
	}

	/**
	 * A filter that discards records re-driven for another consumer group.
	 * @param group this service's consumer group
	 * @return the filter
	 */
	public static RecordFilterStrategy<Object, Object> onlyFor(String group) {
		return (record) -> !isFor(record, group);
	}

	static boolean isFor(ConsumerRecord<?, ?> record, String group) {
		Header header = record.headers().lastHeader(GROUP);
		return header == null || group.equals(new String(header.value(), StandardCharsets.UTF_8));
	}

}
