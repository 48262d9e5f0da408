package com.complaintflow.events.kafka;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an event by its logical type (the ce_type header, else the body's type field) and
 * rejects unknown types and schema versions this code does not understand.
 */
public class ComplaintEventDeserializer implements Deserializer<ComplaintEvent> {

	@Override
	public ComplaintEvent deserialize(String topic, byte[] data) {
		return deserialize(topic, null, data);
	}

	@Override
	public ComplaintEvent deserialize(String topic, Headers headers, byte[] data) {
		if (data == null) {
			return null;
		}
		return read(headerValue(headers), data);
	}

	/**
	 * Reads one event from JSON bytes.
	 * @param typeHint the logical type from a header, or null to take it from the body
	 * @param data the JSON
	 * @return the event
	 * @throws InvalidEventException when the bytes are not a valid event
	 */
	public static ComplaintEvent read(String typeHint, byte[] data) {
		ComplaintEvent event = (typeHint != null) ? readTyped(typeHint, data) : null;
		return (event != null) ? event : readChecked(typeHint, data);
	}

	/**
	 * The event read in one pass straight into the class its type header names, or null
	 * when that does not give a valid event of the current schema version (the checked
	 * read then says what is wrong).
	 */
	private static ComplaintEvent readTyped(String typeName, byte[] data) {
		EventType type = EventType.forName(typeName).orElse(null);
		if (type == null) {
			return null;
		}
		try {
			ComplaintEvent event = EventJson.mapper().readValue(data, type.eventClass());
			return (event != null && event.schemaVersion() == ComplaintEvent.CURRENT_SCHEMA_VERSION) ? event : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads the JSON as a tree, checks its type and version, then binds the bytes (a tree
	 * holds decimals as doubles: 120.50 would come back 120.5).
	 */
	private static ComplaintEvent readChecked(String typeHint, byte[] data) {
		JsonNode tree;
		try {
			tree = EventJson.mapper().readTree(data);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidEventException("not a JSON object");
		}
		String typeName = (typeHint != null) ? typeHint : tree.path("type").asString(null);
		if (typeName == null) {
			throw new InvalidEventException("no event type: neither a ce_type header nor a type field");
		}
		EventType type = EventType.forName(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
		int version = tree.path("schemaVersion").asInt(0);
		if (version != ComplaintEvent.CURRENT_SCHEMA_VERSION) {
			throw new InvalidEventException("unsupported schemaVersion " + version + " for " + typeName
					+ " (this code reads " + ComplaintEvent.CURRENT_SCHEMA_VERSION + ")");
		}
		try {
			return EventJson.mapper().readValue(data, type.eventClass());
		}
		catch (JacksonException ex) {
			throw new InvalidEventException("invalid " + typeName + ": " + rootMessage(ex), ex);
		}
	}

	private static String headerValue(Headers headers) {
		Header header = (headers != null) ? headers.lastHeader(CloudEventHeaders.TYPE) : null;
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage() + at(jackson)
				: cause.getMessage();
	}

	/** Where in the event the value went wrong, for example " (at problemOccurredAt)". */
	private static String at(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return path.isEmpty() ? "" : " (at " + path + ")";
	}

}
