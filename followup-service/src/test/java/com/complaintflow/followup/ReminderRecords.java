package com.complaintflow.followup;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the records a test's case produced on a topic, as JSON with their CloudEvents id.
 */
public final class ReminderRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReminderRecords() {
	}

	/**
	 * Every record of {@code caseId} received so far, optionally of one milestone kind.
	 */
	public static List<Received> of(KafkaTestConsumer consumer, String caseId, String milestone) {
		return consumer.poll()
			.stream()
			.map(ReminderRecords::read)
			.filter((r) -> caseId.equals(r.json().path("caseId").asString(null)))
			.filter((r) -> milestone == null || milestone.equals(r.json().path("milestone").asString(null)))
			.toList();
	}

	/**
	 * Every record of the given cases received so far (one poll), of one milestone kind.
	 */
	public static List<Received> of(KafkaTestConsumer consumer, java.util.Collection<String> caseIds,
			String milestone) {
		return consumer.poll()
			.stream()
			.map(ReminderRecords::read)
			.filter((r) -> caseIds.contains(r.json().path("caseId").asString(null)))
			.filter((r) -> milestone.equals(r.json().path("milestone").asString(null)))
			.toList();
	}

	private static Received read(ConsumerRecord<String, byte[]> record) {
		String id = new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
		return new Received(id, JSON.readTree(record.value()));
	}

	/** One record: its event id and body. */
	public record Received(String eventId, JsonNode json) {

		public String kindAndLevel() {
			return this.json.path("kind").asString() + "/" + this.json.path("level").asString();
		}

	}

}
