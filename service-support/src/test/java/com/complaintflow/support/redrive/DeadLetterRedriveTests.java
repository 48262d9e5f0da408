package com.complaintflow.support.redrive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.deadletter.DeadLetterRedrive;
import com.complaintflow.support.deadletter.RedriveHeaders;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Re-driving a dead-letter topic after a fix, against the real broker: only this group's
 * dead letters go back, only this group processes them again, a second re-drive changes
 * nothing a consumer keeps, the time range is honoured and every re-drive is audited;
 * only OPERATIONS may ask.
 */
@SpringBootTest(classes = DeadLetterRedriveTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=redrive-test", "spring.kafka.consumer.group-id=redrive-test" })
@ActiveProfiles("local")
class DeadLetterRedriveTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<Object, Object> template;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	KafkaProperties kafka;

	@Autowired
	AtomicBoolean broken;

	@Autowired
	AtomicInteger deliveries;

	@Test
	void afterAFixADeadLetterTopicIsReDrivenForThisGroupOnlyAndASecondReDriveIsHarmless() throws Exception {
		// Given two events this group dead-lettered while it was broken
		this.broken.set(true);
		long handledBefore = this.mongo.getCollection("handled").countDocuments();
		int deliveriesBefore = this.deliveries.get();
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.INCIDENTS))) {
			List<ComplaintEvent> events = List.of(closed("1"), closed("2"));
			events.forEach((event) -> this.template.send(Topics.INCIDENTS, event.customerId(), event));
			await().atMost(Duration.ofSeconds(30)).until(() -> dlt.poll().size() == 2);
		}
		// and one another group dead-lettered
		ProducerRecord<Object, Object> foreign = new ProducerRecord<>(Topics.deadLetter(Topics.INCIDENTS), 0, "cust-x",
				EventJson.mapper().writeValueAsBytes(closed("x")));
		foreign.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "another-group".getBytes(StandardCharsets.UTF_8));
		this.template.send(foreign).get();

		// When the fix is deployed and an operator re-drives a range before them: nothing
		this.broken.set(false);
		JsonNode none = redrive("ops:ops-dev",
				"{\"topic\":\"complaints.incidents\",\"to\":\"" + Instant.now().minus(Duration.ofHours(1)) + "\"}",
				200);
		assertThat(none.path("redriven").asInt()).isZero();

		// When the operator re-drives the whole topic
		JsonNode first = redrive("ops:ops-dev", "{\"topic\":\"complaints.incidents\"}", 200);

		// Then this group's two are processed, the other group's is left alone
		assertThat(first.path("redriven").asInt()).isEqualTo(2);
		assertThat(first.path("otherGroups").asInt()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.getCollection("handled").countDocuments() == handledBefore + 2);

		// And a second re-drive reaches the consumer again but changes nothing it keeps
		JsonNode second = redrive("ops:ops-dev", "{\"topic\":\"complaints.incidents\"}", 200);
		assertThat(second.path("redriven").asInt()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.deliveries.get() == deliveriesBefore + 4);
		assertThat(this.mongo.getCollection("handled").countDocuments()).isEqualTo(handledBefore + 2);

		// And each re-drive is audited with who asked
		assertThat(this.mongo.findAll(Document.class, DeadLetterRedrive.AUDIT_COLLECTION))
			.extracting((audit) -> audit.getString("operator"))
			.containsExactly("ops", "ops", "ops");
	}

	@Test
	void onlyOperationsMayReDriveAndOnlyAKnownTopic() throws Exception {
		redrive("agent:agent-dev", "{\"topic\":\"complaints.incidents\"}", 403);
		JsonNode unknown = redrive("ops:ops-dev", "{\"topic\":\"complaints.nope\"}", 400);
		assertThat(unknown.path("detail").asString()).contains("unknown topic");
	}

	@Test
	void aTimeWithoutAFourDigitYearIsA400NamingTheFieldAndNothingIsReDriven() throws Exception {
		JsonNode problem = redrive("ops:ops-dev",
				"{\"topic\":\"complaints.triaged\",\"to\":\"+300000000-01-01T00:00:00Z\"}", 400);

		assertThat(problem.path("detail").asString()).contains("\"to\"").contains("four-digit year");
		assertThat(this.mongo.findAll(Document.class, DeadLetterRedrive.AUDIT_COLLECTION))
			.noneMatch((audit) -> "complaints.triaged".equals(audit.getString("topic")));
	}

	@Test
	void aReDriveThatFailsPartwayIsOnRecordAsFailedWithWhatItHadSent() throws Exception {
		String group = "failing-" + UUID.randomUUID();
		// two dead letters of the group: the second larger than the source topic takes
		// (1 MiB; its dead-letter topic takes 2). On the corrections' dead-letter topic,
		// which no other test class of this JVM reads (DatabaseOutageTests expects the
		// reminders' to stay empty)
		for (byte[] value : List.of(EventJson.mapper().writeValueAsBytes(closed("f")), new byte[1_300_000])) {
			ProducerRecord<Object, Object> dead = new ProducerRecord<>(Topics.deadLetter(Topics.CORRECTIONS), 0,
					"cust-f", value);
			dead.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
			this.template.send(dead).get();
		}
		DeadLetterRedrive redrive = new DeadLetterRedrive(this.kafka, this.template, this.mongo, group);
		Query byOperator = Query.query(Criteria.where("operator").is("ops-failing"));
		try {
			assertThatThrownBy(() -> redrive.redrive(Topics.CORRECTIONS, null, null, "ops-failing"))
				.isInstanceOf(RuntimeException.class);

			Document audit = this.mongo.findOne(byOperator, Document.class, DeadLetterRedrive.AUDIT_COLLECTION);
			assertThat(audit).isNotNull();
			assertThat(audit.getString("state")).isEqualTo("FAILED");
			assertThat(audit.getInteger("redriven")).isEqualTo(1);
			assertThat(audit.getString("group")).isEqualTo(group);
		}
		finally {
			this.mongo.remove(byOperator, DeadLetterRedrive.AUDIT_COLLECTION);
		}
	}

	@Test
	void aRecordReDrivenForAnotherGroupIsSkipped() {
		this.broken.set(false);
		ProducerRecord<Object, Object> record = new ProducerRecord<>(Topics.INCIDENTS, "cust-y", closed("y"));
		record.headers().add(RedriveHeaders.GROUP, "another-group".getBytes(StandardCharsets.UTF_8));
		int before = this.deliveries.get();
		this.template.send(record);
		ComplaintEvent marker = closed("z");
		this.template.send(Topics.INCIDENTS, marker.customerId(), marker);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.mongo.getCollection("handled")
				.countDocuments(new Document("_id", marker.eventId().toString())) == 1);
		assertThat(this.deliveries.get() - before).isEqualTo(1);
	}

	private JsonNode redrive(String credentials, String body, int expectedStatus) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/operations/dead-letters/redrive"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return EventJson.mapper().readTree(response.body());
	}

	private static CaseClosed closed(String n) {
		return new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-" + n, "cust-" + n, 1,
				"case-" + n, "agent", Outcome.RETAINED);
	}

	@SpringBootApplication
	static class App {

		@Bean
		AtomicBoolean broken() {
			return new AtomicBoolean(true);
		}

		@Bean
		AtomicInteger deliveries() {
			return new AtomicInteger();
		}

		@Autowired
		MongoTemplate mongo;

		@KafkaListener(topics = Topics.INCIDENTS)
		void on(ComplaintEvent event) {
			if (broken().get()) {
				throw new IllegalArgumentException("this version cannot handle " + event.type());
			}
			deliveries().incrementAndGet();
			this.mongo.upsert(Query.query(Criteria.where("_id").is(event.eventId().toString())),
					new Update().setOnInsert("type", event.type()), "handled");
		}

	}

}
