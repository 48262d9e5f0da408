package com.complaintflow.events.kafka;

import java.nio.charset.StandardCharsets;

import com.complaintflow.events.ComplaintEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event as JSON with CloudEvents headers; the type header carries the logical
 * name, never a class name.
 */
public class ComplaintEventSerializer implements Serializer<ComplaintEvent> {

	@Override
	public byte[] serialize(String topic, ComplaintEvent event) {
		return (event != null) ? EventJson.mapper().writeValueAsBytes(event) : null;
	}

	@Override
	public byte[] serialize(String topic, Headers headers, ComplaintEvent event) {
		if (event == null) {
			return null;
		}
		headers.remove(CloudEventHeaders.ID);
		headers.remove(CloudEventHeaders.TYPE);
		headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
		headers.add(CloudEventHeaders.ID, bytes(event.eventId().toString()));
		headers.add(CloudEventHeaders.TYPE, bytes(event.type()));
		headers.add(CloudEventHeaders.SOURCE, bytes(event.source()));
		headers.add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()));
		headers.add(CloudEventHeaders.SUBJECT, bytes(event.complaintId()));
		headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
		return serialize(topic, event);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
