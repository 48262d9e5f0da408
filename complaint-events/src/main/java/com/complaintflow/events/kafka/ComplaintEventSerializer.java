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
		// a record written again over the headers it came with (a dead-letter copy, a
		// re-drive) keeps one of each
		set(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
		set(headers, CloudEventHeaders.ID, event.eventId().toString());
		set(headers, CloudEventHeaders.TYPE, event.type());
		set(headers, CloudEventHeaders.SOURCE, event.source());
		set(headers, CloudEventHeaders.TIME, event.occurredAt().toString());
		set(headers, CloudEventHeaders.SUBJECT, event.complaintId());
		set(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
		return serialize(topic, event);
	}

	private static void set(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
