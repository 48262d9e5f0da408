package com.complaintflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.complaintflow.events.kafka.ComplaintEventSerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document ({@code asyncapi.yaml} beside the schemas) cannot drift from the
 * code: it has a channel for every declared topic and its dead-letter topic and no other,
 * each channel carries exactly the event types {@link EventType} sends there, every
 * message's payload is that type's JSON Schema file, and its headers are those the
 * serializer writes. (dev/system-tests validates it with the AsyncAPI parser.)
 */
class AsyncApiDocumentTests {

	static Map<String, Object> document;

	@BeforeAll
	static void read() throws IOException {
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream("/asyncapi.yaml")) {
			document = new Yaml().load(in);
		}
	}

	@Test
	void everyDeclaredTopicAndItsDeadLetterTopicHasAChannelAndThereAreNoOthers() {
		Set<String> expected = new TreeSet<>();
		Topics.DECLARED.forEach((topic) -> {
			expected.add(topic);
			expected.add(Topics.deadLetter(topic));
		});
		Set<String> addresses = channels().values()
			.stream()
			.map((channel) -> (String) channel.get("address"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(addresses).isEqualTo(expected);
	}

	@Test
	void everyChannelCarriesExactlyTheEventTypesSentToItsTopic() {
		channels().forEach((name, channel) -> {
			String topic = ((String) channel.get("address")).replace(Topics.DLT_SUFFIX, "");
			Set<String> expected = Arrays.stream(EventType.values())
				.filter((type) -> type.topic().equals(topic))
				.map(EventType::typeName)
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> documented = map(channel.get("messages")).values()
				.stream()
				.map((reference) -> message((String) map(reference).get("$ref")).get("name"))
				.map(String.class::cast)
				.collect(Collectors.toCollection(TreeSet::new));
			assertThat(documented).as(name).isEqualTo(expected);
		});
	}

	@Test
	void everyEventTypeIsAMessageWhosePayloadIsItsJsonSchema() {
		Map<String, Object> messages = map(map(document.get("components")).get("messages"));
		Set<String> names = new HashSet<>();
		messages.values().forEach((value) -> {
			Map<String, Object> message = map(value);
			String name = (String) message.get("name");
			names.add(name);
			Map<String, Object> payload = map(message.get("payload"));
			String reference = (String) map(payload.get("schema")).get("$ref");
			assertThat(reference).as(name).isEqualTo("./schemas/" + name + ".schema.json");
			assertThat(AsyncApiDocumentTests.class.getResource("/schemas/" + name + ".schema.json")).as(reference)
				.isNotNull();
		});
		assertThat(names)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::typeName).toList());
	}

	@Test
	void documentedHeadersAreTheHeadersTheSerializerWrites() {
		Map<String, Object> headers = map(map(map(document.get("components")).get("schemas")).get("CloudEventHeaders"));
		Set<String> documented = new TreeSet<>(map(headers.get("properties")).keySet());
		Set<String> written = new TreeSet<>();
		for (ComplaintEvent event : SampleEvents.all()) {
			RecordHeaders record = new RecordHeaders();
			new ComplaintEventSerializer().serialize(EventType.of(event).topic(), record, event);
			Arrays.stream(record.toArray()).map(Header::key).forEach(written::add);
		}
		assertThat(documented).isEqualTo(written);
		assertThat(((List<?>) headers.get("required")).stream().map(String::valueOf)).isSubsetOf(written);
	}

	private static Map<String, Map<String, Object>> channels() {
		Map<String, Map<String, Object>> channels = new java.util.LinkedHashMap<>();
		map(document.get("channels")).forEach((name, channel) -> channels.put(name, map(channel)));
		return channels;
	}

	private static Map<String, Object> message(String reference) {
		String name = reference.substring(reference.lastIndexOf('/') + 1);
		return map(map(map(document.get("components")).get("messages")).get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
