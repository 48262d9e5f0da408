package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.test.ErasureRaces;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation path against the real broker and wire server: a triage decision opens
 * one case with its first-response milestone and publishes one {@code CaseOpened}, even
 * when the decision is delivered twice; a decision whose customer was erased while its
 * poll ran leaves no case and announces none.
 */
class CaseOpeningTests extends FollowupIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Test
	void triagedComplaintOpensOneCaseWithFirstResponseDueIn24Hours() {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ComplaintTriaged triaged = TestEvents.triaged(complaintId, at);
		StaffClient agent = agent();
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			this.publisher.publishAndWait(triaged);
			this.publisher.publishAndWait(triaged);

			JsonNode list = await().atMost(Duration.ofSeconds(30))
				.until(() -> agent.get("/api/v1/cases?complaintId=" + complaintId).json(), (json) -> json.size() == 1);
			JsonNode found = list.get(0);
			assertThat(found.get("caseId").asString()).isEqualTo(CaseOpening.caseIdFor(complaintId));
			assertThat(found.get("status").asString()).isEqualTo("OPEN");
			JsonNode firstResponse = found.get("milestones").get(0);
			assertThat(firstResponse.get("kind").asString()).isEqualTo("FIRST_RESPONSE");
			assertThat(Instant.parse(firstResponse.get("dueAt").asString())).isEqualTo(at.plus(Duration.ofHours(24)));

			List<ConsumerRecord<String, byte[]>> opened = await().atMost(Duration.ofSeconds(30))
				.until(() -> openedFor(cases.poll(), complaintId), (records) -> !records.isEmpty());
			assertThat(opened).extracting((r) -> header(r, CloudEventHeaders.ID))
				.containsOnly(EventMetadata.deterministicEventId(CaseOpening.caseIdFor(complaintId), "case-opened")
					.toString());
			assertThat(agent.get("/api/v1/cases?complaintId=" + complaintId).json().size()).isEqualTo(1);
		}
	}

	@Test
	void aDecisionWhoseCustomerWasErasedWhileItsPollRanLeavesNoCaseAndIsNotAnnounced() throws Exception {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ComplaintTriaged before = TestEvents.triaged("CMP-" + UUID.randomUUID(), at);
		// only the recheck after the poll's writes sees this erasure, as in the race
		ErasureRaces.markErasedElsewhere(this.mongo, before.customerId(), at.plusMillis(1));
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			RecordMetadata sent = this.publisher.publish(before).get().getRecordMetadata();

			// its poll done, then the customer's next complaint in a poll of its own,
			// whose CaseOpened comes after any of the first on their partition
			ErasureRaces.awaitPollDone("followup", sent, SOON);
			ComplaintTriaged after = TestEvents.triaged("CMP-" + UUID.randomUUID(), before.customerId(),
					at.plusSeconds(1));
			this.publisher.publishAndWait(after);

			await().atMost(SOON)
				.until(() -> openedFor(cases.poll(), after.complaintId()), (opened) -> !opened.isEmpty());
			String caseId = CaseOpening.caseIdFor(before.complaintId());
			// by event id: the customer's id in the later CaseOpened holds the
			// complaint id
			assertThat(cases.poll()).extracting((r) -> header(r, CloudEventHeaders.ID))
				.as("the case of the decision from before the erasure is not announced")
				.doesNotContain(EventMetadata.deterministicEventId(caseId, "case-opened").toString());
			assertThat(this.mongo.findById(caseId, Document.class, "cases")).isNull();
			assertThat(agent().get("/api/v1/cases/" + caseId).code()).isEqualTo(404);
			assertThat(agent().get("/api/v1/cases/" + CaseOpening.caseIdFor(after.complaintId())).code())
				.isEqualTo(200);
		}
	}

	@Test
	void aLateDecisionKeepsThePromisesCountedFromReceipt() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant lagging = now.minus(Duration.ofMinutes(20));
		Instant missed = now.minus(Duration.ofMinutes(40));
		String laggingId = "CMP-" + UUID.randomUUID();
		String missedId = "CMP-" + UUID.randomUUID();
		this.publisher
			.publishAndWait(TestEvents.decidedLate(laggingId, lagging, now, engineerWithinHalfAnHour(lagging)));
		this.publisher.publishAndWait(TestEvents.decidedLate(missedId, missed, now, engineerWithinHalfAnHour(missed)));
		StaffClient agent = agent();

		JsonNode engineer = engineerContact(agent, laggingId);
		assertThat(Instant.parse(engineer.get("startedAt").asString())).isEqualTo(lagging);
		assertThat(engineer.get("windowMs").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
		assertThat(Instant.parse(engineer.get("dueAt").asString())).isEqualTo(lagging.plus(Duration.ofMinutes(30)));
		assertThat(engineer.get("breached").asBoolean()).isFalse();
		// a promise already missed when the decision arrives is due when it was promised,
		// and breached
		JsonNode overdue = engineerContact(agent, missedId);
		assertThat(Instant.parse(overdue.get("dueAt").asString())).isEqualTo(missed.plus(Duration.ofMinutes(30)));
		assertThat(overdue.get("windowMs").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
	}

	private static Deadlines engineerWithinHalfAnHour(Instant received) {
		return new Deadlines(received.plus(Duration.ofHours(24)), received.plus(Duration.ofMinutes(30)), null, null,
				Duration.ofHours(24));
	}

	private static JsonNode engineerContact(StaffClient agent, String complaintId) {
		JsonNode found = await().atMost(Duration.ofSeconds(30))
			.until(() -> agent.get("/api/v1/cases?complaintId=" + complaintId).json(), (json) -> json.size() == 1)
			.get(0);
		for (JsonNode milestone : found.get("milestones")) {
			if (milestone.get("kind").asString().equals("ENGINEER_CONTACT")) {
				return milestone;
			}
		}
		throw new AssertionError("no ENGINEER_CONTACT milestone in " + found);
	}

	@Test
	void prometheusExportsTheMetricNamesTheAlertRulesUse() {
		org.springframework.web.client.RestClient metrics = org.springframework.web.client.RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("prometheus", "prometheus-dev"))
			.build();

		String scrape = await().atMost(Duration.ofSeconds(30))
			.until(() -> metrics.get().uri("/actuator/prometheus").retrieve().body(String.class),
					(body) -> body.contains("kafka_consumer_fetch_manager_records_lag_max"));

		assertThat(scrape).contains("followup_reminder_lateness_seconds_bucket", "followup_milestones_about_to_breach{",
				"followup_milestones_overdue{", "followup_oncall_outbox_pending",
				"followup_oncall_oldest_pending_seconds");
	}

	@Test
	void unknownCaseIsNotFoundProblem() {
		StaffClient agent = agent();
		StaffClient.Answer answer = agent.get("/api/v1/cases/nope");
		assertThat(answer.code()).isEqualTo(404);
		assertThat(answer.json().get("title").asString()).isEqualTo("Case not found");
	}

	@Test
	void anonymousCallerIsRejected() {
		StaffClient nobody = new StaffClient(this.port, "agent", "wrong");
		assertThat(nobody.get("/api/v1/cases?complaintId=x").code()).isEqualTo(401);
	}

	private static List<ConsumerRecord<String, byte[]>> openedFor(List<ConsumerRecord<String, byte[]>> records,
			String complaintId) {
		return records.stream()
			.filter((r) -> "case-opened".equals(header(r, CloudEventHeaders.TYPE)))
			.filter((r) -> new String(r.value(), StandardCharsets.UTF_8).contains(complaintId))
			.toList();
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
