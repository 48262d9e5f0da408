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
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared Kafka wiring against a real broker: events round-trip with CloudEvents
 * headers, and a poison record reaches the dead-letter topic with its reason while the
 * records behind it are still processed.
 */
@SpringBootTest(classes = EventKafkaConfigurationTests.App.class,
		properties = { "spring.application.name=support-test", "spring.kafka.consumer.group-id=support-test" })
@ActiveProfiles("local")
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
			await().atMost(Duration.ofSeconds(30)).until(() -> !dlt.poll().isEmpty());
			ConsumerRecord<String, byte[]> dead = dlt.poll().get(0);
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
			assertThat(new String(dead.headers().lastHeader(EventKafkaConfiguration.DLT_REASON_HEADER).value(),
					StandardCharsets.UTF_8))
				.contains("not JSON");
		}
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
