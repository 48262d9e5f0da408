package com.complaintflow.support.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The shared Kafka wiring against a real broker: events round-trip with CloudEvents
 * headers, and a poison record (not JSON, or an instant out of range, or one just under
 * the broker's limit) reaches the dead-letter topic with its reason while the records
 * behind it are still processed; a failed send logs no key or payload.
 */
@SpringBootTest(classes = EventKafkaConfigurationTests.App.class,
		properties = { "spring.application.name=support-test", "spring.kafka.consumer.group-id=support-test" })
@ActiveProfiles("local")
@ExtendWith(OutputCaptureExtension.class)
class EventKafkaConfigurationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	KafkaTemplate<Object, Object> template;

	@Autowired
	List<ComplaintEvent> consumed;

	@Test
	void poisonRecordIsDeadLetteredWithReasonAndTheNextRecordIsProcessed() {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.CASES))) {
			this.template
				.send(new ProducerRecord<>(Topics.CASES, "cust-9", "not json".getBytes(StandardCharsets.UTF_8)));
			CaseClosed closed = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-9", "cust-9",
					1, "case-9", "agent", Outcome.RETAINED);
			this.publisher.publishAndWait(closed);

			await().atMost(Duration.ofSeconds(30)).until(() -> this.consumed.contains(closed));
			ConsumerRecord<String, byte[]> dead = deadLetter(dlt, "not json");
			assertThat(new String(dead.headers().lastHeader(EventKafkaConfiguration.DLT_REASON_HEADER).value(),
					StandardCharsets.UTF_8))
				.contains("not JSON");
		}
	}

	@Test
	void aPoisonRecordNearTheBrokersLimitIsDeadLetteredWholeAndTheNextRecordIsProcessed() throws Exception {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.CASES))) {
			// just under the broker's limit, and over it with its failure's headers
			String poison = "not json " + "x".repeat(1_048_000 - 9);
			this.template.send(new ProducerRecord<>(Topics.CASES, "cust-big", poison.getBytes(StandardCharsets.UTF_8)))
				.get(30, java.util.concurrent.TimeUnit.SECONDS);
			CaseClosed next = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-big",
					"cust-big", 1, "case-big", "agent", Outcome.RETAINED);
			this.publisher.publishAndWait(next);

			await().atMost(Duration.ofSeconds(30)).until(() -> this.consumed.contains(next));
			ConsumerRecord<String, byte[]> dead = deadLetter(dlt, poison);
			assertThat(dead.value()).hasSize(1_048_000);
			assertThat(dead.headers().lastHeader(EventKafkaConfiguration.DLT_REASON_HEADER)).isNotNull();
		}
	}

	@Test
	void aFailedSendIsLoggedWithoutItsKeyOrPayload(CapturedOutput output) {
		byte[] tooLarge = "x".repeat(EventKafkaConfiguration.DEAD_LETTER_MAX_BYTES + 1024)
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.template.send(new ProducerRecord<>(Topics.CASES, "cust-private-77", tooLarge))
			.get(30, java.util.concurrent.TimeUnit.SECONDS))
			.hasRootCauseInstanceOf(org.apache.kafka.common.errors.RecordTooLargeException.class);
		assertThat(output).contains("Exception thrown when sending a message").doesNotContain("cust-private-77");
	}

	@Test
	void recordWithAnInstantWithoutAFourDigitYearIsDeadLetteredAloneWithTheFieldNamed() {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.CASES))) {
			CaseClosed absurd = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-y", "cust-y",
					1, "case-y", "agent", Outcome.RETAINED);
			String json = EventJson.mapper()
				.writeValueAsString(absurd)
				.replace(absurd.occurredAt().toString(), "+300000000-01-01T00:00:00Z");
			this.template.send(new ProducerRecord<>(Topics.CASES, "cust-y", json.getBytes(StandardCharsets.UTF_8)));
			CaseClosed next = new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-y2", "cust-y",
					1, "case-y2", "agent", Outcome.RETAINED);
			this.publisher.publishAndWait(next);

			await().atMost(Duration.ofSeconds(30)).until(() -> this.consumed.contains(next));
			ConsumerRecord<String, byte[]> dead = deadLetter(dlt, json);
			assertThat(new String(dead.headers().lastHeader(EventKafkaConfiguration.DLT_REASON_HEADER).value(),
					StandardCharsets.UTF_8))
				.contains("four-digit year")
				.contains("(at occurredAt)");
			assertThat(this.consumed).noneMatch((event) -> absurd.eventId().equals(event.eventId()));
		}
	}

	private static ConsumerRecord<String, byte[]> deadLetter(KafkaTestConsumer dlt, String value) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> dlt.poll()
				.stream()
				.anyMatch((record) -> value.equals(new String(record.value(), StandardCharsets.UTF_8))));
		return dlt.poll()
			.stream()
			.filter((record) -> value.equals(new String(record.value(), StandardCharsets.UTF_8)))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void everyDeclaredTopicNamesHowManyReplicasMustHaveARecordBeforeItIsAcknowledged() {
		// the broker's default is one: acks=all would then be acknowledged by a lone
		// leader
		for (short replicas : new short[] { 1, 2, 3 }) {
			List<NewTopic> topics = EventKafkaConfiguration.declaredTopics(settings(replicas));

			assertThat(topics).hasSize(2 * Topics.DECLARED.size())
				.allSatisfy((topic) -> assertThat(topic.configs())
					.containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, (replicas == 1) ? "1" : "2"));
		}
	}

	private static KafkaTopicSettings settings(short replicationFactor) {
		return new KafkaTopicSettings(6, replicationFactor, Duration.ofSeconds(2), 4, Duration.ofMillis(200),
				Duration.ofSeconds(2), Duration.ofSeconds(15));
	}

	@Test
	void publishingAListWaitsUntilTheBrokerAcknowledgedEveryEvent() {
		List<CaseClosed> events = java.util.stream.IntStream.range(0, 50)
			.mapToObj((i) -> new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-l" + i,
					"cust-l" + i, 1, "case-l" + i, "agent", Outcome.RETAINED))
			.toList();

		this.publisher.publishAllAndWait(events);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.consumed.containsAll(events));
	}

	@Test
	void eachEventOfAListIsSentInTheTraceGivenForIt() {
		String first = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		String second = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		List<CaseClosed> events = java.util.stream.IntStream.range(0, 3)
			.mapToObj((i) -> new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-t" + i,
					"cust-t" + i, 1, "case-t" + i, "agent", Outcome.RETAINED))
			.toList();
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			this.publisher.publishAllAndWait(events, java.util.Arrays.asList(first, second));

			java.util.Map<String, String> traceIds = new java.util.HashMap<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : cases.poll()) {
					traceIds.put(record.key(), ComplaintTrace.traceId(ComplaintTrace.traceparent(record)));
				}
				return traceIds.keySet().containsAll(List.of("cust-t0", "cust-t1", "cust-t2"));
			});
			assertThat(traceIds.get("cust-t0")).isEqualTo(ComplaintTrace.traceId(first));
			assertThat(traceIds.get("cust-t1")).isEqualTo(ComplaintTrace.traceId(second));
			assertThat(traceIds.get("cust-t2")).as("no trace given: a trace of its own")
				.matches("[0-9a-f]{32}")
				.isNotIn(ComplaintTrace.traceId(first), ComplaintTrace.traceId(second));
		}
	}

	@SpringBootApplication
	static class App {

		@Bean
		List<ComplaintEvent> consumed() {
			return new CopyOnWriteArrayList<>();
		}

		@KafkaListener(topics = Topics.CASES)
		void on(ComplaintEvent event) {
			consumed().add(event);
		}

	}

}
