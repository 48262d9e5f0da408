package com.complaintflow.followup;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Language;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventKafkaConfiguration;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch listeners of received complaints and of notices, against the real broker and
 * the wire server: a poll holding a duplicate and a poison record (written before the
 * service starts, one partition per topic, so they arrive together) stores every good
 * record exactly once, dead-letters the poison record alone with its reason, and the
 * words wait for their case and are copied into it once.
 */
class BatchListenersTests {

	private final String database = "batch-" + UUID.randomUUID().toString().substring(0, 8);

	private final String group = "batch-" + UUID.randomUUID();

	private ConfigurableApplicationContext service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void aPollWithADuplicateAndAPoisonRecordStoresEachRecordOnceAndDeadLettersThePoisonAlone() throws Exception {
		TestInfrastructure.start();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String first = "CMP-" + UUID.randomUUID();
		String second = "CMP-" + UUID.randomUUID();
		String key = "K-" + UUID.randomUUID();
		ComplaintReceived firstWords = TestEvents.received(first, at, "断网三天", "张先生", "13800000001");
		ComplaintReceived secondWords = TestEvents.received(second, at, "账单多扣费", "李女士", "13800000002");
		NotificationRequested one = notice(key, "one");
		NotificationRequested two = notice(key, "two");
		try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(Topics.deadLetter(Topics.RECEIVED),
				Topics.deadLetter(Topics.NOTIFICATIONS))) {
			KafkaTemplate<String, Object> template = producer();
			// one key per topic: one partition, in this order
			for (Object value : List.of(firstWords, firstWords, poison(), secondWords)) {
				template.send(new ProducerRecord<>(Topics.RECEIVED, key, value)).get();
			}
			for (Object value : List.of(one, one, poison(), two)) {
				template.send(new ProducerRecord<>(Topics.NOTIFICATIONS, key, value)).get();
			}
			this.service = start();
			MongoTemplate mongo = this.service.getBean(MongoTemplate.class);

			await().atMost(Duration.ofSeconds(45))
				.until(() -> ids(mongo, "received_pending", "customerId", firstWords.customerId(),
						secondWords.customerId()), (ids) -> ids.size() == 2);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ids(mongo, "notification_outbox", "customerId", key), (ids) -> ids.size() == 2);
			assertThat(ids(mongo, "notification_outbox", "customerId", key))
				.containsExactlyInAnyOrder(one.eventId().toString(), two.eventId().toString());
			List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30))
				.until(() -> ours(deadLetters, key), (records) -> records.size() == 2);
			assertThat(dead).extracting(ConsumerRecord::topic)
				.containsExactlyInAnyOrder(Topics.deadLetter(Topics.RECEIVED), Topics.deadLetter(Topics.NOTIFICATIONS));
			assertThat(dead)
				.allSatisfy((record) -> assertThat(header(record, EventKafkaConfiguration.DLT_REASON_HEADER))
					.contains("DeserializationException"));

			// the first complaint's case opens: its words are copied once, the second's
			// still wait
			this.service.getBean(EventPublisher.class).publishAndWait(TestEvents.triaged(first, at));
			String firstCase = CaseOpening.caseIdFor(first);
			Document opened = await().atMost(Duration.ofSeconds(30))
				.until(() -> mongo.findById(firstCase, Document.class, "cases"),
						(c) -> c != null && c.get("personal") != null);
			assertThat(opened.get("personal", Document.class).get("contact", Document.class).getString("name"))
				.isEqualTo("张先生");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ids(mongo, "received_pending", "customerId", firstWords.customerId(),
						secondWords.customerId()), (ids) -> ids.equals(List.of(CaseOpening.caseIdFor(second))));
			// its case-opened notice is kept once, beside the two requested ones
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ids(mongo, "notification_outbox", "customerId", firstWords.customerId()),
						(ids) -> ids.size() == 1);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> ours(deadLetters, key).size() == 2
						&& ids(mongo, "notification_outbox", "customerId", key, firstWords.customerId()).size() == 3);
		}
	}

	private static NotificationRequested notice(String customerId, String name) {
		return new NotificationRequested(EventMetadata.deterministicEventId("notice", customerId, name), "followup",
				Instant.now(), "CMP-" + name, customerId, ComplaintEvent.CURRENT_SCHEMA_VERSION, "CASE-" + name,
				NotificationKind.PROGRESS, Language.EN, "Progress on " + name, null);
	}

	private static byte[] poison() {
		return "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> ids(MongoTemplate mongo, String collection, String field, Object... values) {
		return mongo.find(Query.query(Criteria.where(field).in(values)), Document.class, collection)
			.stream()
			.map((doc) -> doc.getString("_id"))
			.sorted()
			.toList();
	}

	/** The dead-lettered records of this test: its key, this service's group. */
	private List<ConsumerRecord<String, byte[]>> ours(KafkaTestConsumer deadLetters, String key) {
		return deadLetters.poll()
			.stream()
			.filter((record) -> key.equals(record.key()))
			.filter((record) -> this.group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
			.toList();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

	/** A producer writing events as the services do, and raw bytes as they are. */
	private static KafkaTemplate<String, Object> producer() {
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, Object>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				new StringSerializer(), new DelegatingByTypeSerializer(Map.of(byte[].class, new ByteArraySerializer(),
						ComplaintEvent.class, new ComplaintEventSerializer()), true)));
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FollowupApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--complaintflow.kafka.partitions=3",
					"--spring.kafka.consumer.group-id=" + this.group);
	}

}
