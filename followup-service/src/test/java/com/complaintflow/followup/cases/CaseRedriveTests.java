package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision followup dead-lettered is re-driven by an operator after the fix: the case
 * opens, and re-driving it again opens nothing more and publishes no second
 * {@code case-opened}.
 */
class CaseRedriveTests extends FollowupIntegrationTest {

	@Autowired
	KafkaTemplate<Object, Object> template;

	@Test
	void aReDrivenDecisionOpensItsCaseOnceHoweverOftenItIsReDriven() throws Exception {
		String complaintId = "CMP-" + UUID.randomUUID();
		ComplaintTriaged triaged = TestEvents.triaged(complaintId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		ProducerRecord<Object, Object> deadLetter = new ProducerRecord<>(Topics.deadLetter(Topics.TRIAGED),
				triaged.customerId(), triaged);
		deadLetter.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "followup".getBytes(StandardCharsets.UTF_8));
		this.template.send(deadLetter).get();
		StaffClient agent = agent();
		StaffClient ops = ops();

		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			JsonNode first = ops
				.post("/api/v1/operations/dead-letters/redrive", null, "{\"topic\":\"complaints.triaged\"}")
				.json();
			assertThat(first.get("redriven").asInt()).isGreaterThanOrEqualTo(1);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> agent.get("/api/v1/cases?complaintId=" + complaintId).json().size() == 1);

			JsonNode second = ops
				.post("/api/v1/operations/dead-letters/redrive", null, "{\"topic\":\"complaints.triaged\"}")
				.json();
			assertThat(second.get("redriven").asInt()).isEqualTo(first.get("redriven").asInt());

			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.until(() -> openedCount(cases, complaintId) == 1);
			assertThat(agent.get("/api/v1/cases?complaintId=" + complaintId).json().size()).isEqualTo(1);
		}
	}

	private static long openedCount(KafkaTestConsumer cases, String complaintId) {
		return cases.poll()
			.stream()
			.filter((record) -> "case-opened".equals(
					new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8)))
			.filter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(complaintId))
			.count();
	}

}
