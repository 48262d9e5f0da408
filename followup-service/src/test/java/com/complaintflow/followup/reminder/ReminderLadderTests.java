package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Topics;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminder ladder against the real broker and wire server, with a clock the test
 * moves: warnings, breach and escalations fire once each with deterministic ids, breaches
 * and escalations reach the on-call webhook despite failures, and met or paused
 * milestones raise nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "complaintflow.followup.oncall.poll-interval=100ms",
				"complaintflow.followup.oncall.initial-backoff=200ms" })
@ActiveProfiles("local")
@DirtiesContext
@Import(MutableClock.Config.class)
class ReminderLadderTests {

	static final WebhookReceiver receiver = WebhookReceiver.start(2);

	static final Duration SOON = Duration.ofSeconds(20);

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("complaintflow.followup.oncall.webhook-urls", receiver::url);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	EventPublisher publisher;

	@Test
	void aClaimWithoutAKeyAfterAnEscalationTookTheCaseAwayClaimsItAgain() {
		String caseId = open();
		String claim = "/api/v1/cases/" + caseId + "/claim";
		assertThat(agent().post(claim, null, null).json().path("owner").path("agent").asString()).isEqualTo("agent");

		// the escalation rungs of the first response move the case to the supervisors'
		// queue and on, with no agent
		this.clock.set(this.clock.instant().plus(Duration.ofHours(36)));
		await().atMost(SOON)
			.until(() -> agent().get("/api/v1/cases/" + caseId).json().path("owner"),
					(owner) -> owner.path("agent").isNull() && !owner.path("escalatedTo").isNull());

		// the same request as before, without a key: a new claim, not a retry of the
		// first
		assertThat(agent().post(claim, null, null).json().path("owner").path("agent").asString()).isEqualTo("agent");
	}

	@Test
	void firstResponseWarnsTwiceBreachesAndEscalatesOnceEachThenPagesOnCall() {
		String caseId = open();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			Instant start = this.clock.instant();
			for (Duration at : List.of(Duration.ofHours(12), Duration.ofMinutes(1152), Duration.ofHours(24),
					Duration.ofHours(30), Duration.ofHours(36))) {
				this.clock.set(start.plus(at));
				int expected = List
					.of(Duration.ofHours(12), Duration.ofMinutes(1152), Duration.ofHours(24), Duration.ofHours(30),
							Duration.ofHours(36))
					.indexOf(at) + 1;
				await().atMost(SOON)
					.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() >= expected);
			}
			List<Received> fired = ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE");
			assertThat(fired).extracting(Received::kindAndLevel)
				.containsExactly("WARNING/AGENT", "WARNING/AGENT", "BREACH/AGENT", "ESCALATION/SUPERVISOR",
						"ESCALATION/EXPERT_TEAM");
			assertThat(fired).extracting(Received::eventId).doesNotHaveDuplicates();
		}
		await().atMost(SOON).until(() -> {
			this.clock.advance(Duration.ofSeconds(1));
			return firstResponseAlerts(caseId).size() == 3;
		});
		List<String> delivered = firstResponseAlerts(caseId);
		assertThat(delivered).anyMatch((body) -> body.contains("\"alertname\":\"ComplaintMilestoneBreach\""));
		assertThat(delivered).filteredOn((body) -> body.contains("ComplaintEscalation")).hasSize(2);
		assertThat(receiver.attempts()).isGreaterThan(receiver.accepted().size());
		JsonNode view = agent().get("/api/v1/cases/" + caseId).json();
		assertThat(view.get("milestones").get(0).get("breached").asBoolean()).isTrue();
		// the SUPERVISOR rung moved the case to the supervisors' queue, the EXPERT_TEAM
		// rung on to the expert team's: the owner changed, each move on the timeline
		assertThat(view.get("owner").get("team").asString()).isEqualTo("experts");
		assertThat(view.get("owner").get("escalatedTo").asString()).isEqualTo("EXPERT_TEAM");
		assertThat(view.get("queue").asString()).isEqualTo("experts");
		assertThat(view.get("timeline").findValuesAsString("detail"))
			.anyMatch((detail) -> detail.startsWith("Moved to team supervisors"))
			.anyMatch((detail) -> detail.startsWith("Moved to team experts"));
		// Every milestone's escalations count, not only the first response's: the
		// progress update runs on business hours, so whether it has escalated by now
		// depends on the hour the test runs. The count must equal the escalation rungs
		// raised, each once.
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			await().atMost(SOON)
				.untilAsserted(
						() -> assertThat(agent().get("/api/v1/cases/" + caseId).json().get("escalations").asInt())
							.isEqualTo(escalationRungs(reminders, caseId))
							.isGreaterThanOrEqualTo(2));
		}
	}

	private static int escalationRungs(KafkaTestConsumer reminders, String caseId) {
		return (int) ReminderRecords.of(reminders, caseId, null)
			.stream()
			.filter((record) -> record.kindAndLevel().startsWith("ESCALATION/"))
			.map(Received::eventId)
			.distinct()
			.count();
	}

	@Test
	void metFirstResponseRaisesNothing() {
		String caseId = open();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			assertThat(agent().post("/api/v1/cases/" + caseId + "/contact", null, "{}").code()).isEqualTo(200);

			this.clock.advance(Duration.ofHours(40));

			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").isEmpty());
		}
	}

	@Test
	void pausedFirstResponseRaisesNothingAndResumeMovesTheDeadlineByThePause() {
		String caseId = open();
		StaffClient agent = agent();
		Instant start = this.clock.instant();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(6));
			assertThat(
					agent.post("/api/v1/cases/" + caseId + "/wait-on-customer", null, "{\"note\":\"router\"}").code())
				.isEqualTo(200);
			this.clock.advance(Duration.ofHours(48));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").isEmpty());

			JsonNode resumed = agent.post("/api/v1/cases/" + caseId + "/resume", null, null).json();

			JsonNode firstResponse = resumed.get("milestones").get(0);
			assertThat(Instant.parse(firstResponse.get("dueAt").asString()))
				.isEqualTo(start.plus(Duration.ofHours(72)));
			assertThat(firstResponse.get("pausedMs").asLong()).isEqualTo(Duration.ofHours(48).toMillis());
			assertThat(firstResponse.get("elapsedMs").asLong()).isEqualTo(Duration.ofHours(6).toMillis());
			this.clock.advance(Duration.ofHours(6));
			await().atMost(SOON).until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
		}
	}

	private static List<String> firstResponseAlerts(String caseId) {
		return receiver.accepted()
			.stream()
			.filter((body) -> body.contains(caseId) && body.contains("\"milestone\":\"FIRST_RESPONSE\""))
			// a renewal re-posts the same alert with a later endsAt
			.map((body) -> body.replaceAll("\"endsAt\":\"[^\"]*\"", ""))
			.distinct()
			.toList();
	}

	private String open() {
		String complaintId = "CMP-" + UUID.randomUUID();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, this.clock.instant()));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> agent().get("/api/v1/cases/" + caseId).code() == 200);
		return caseId;
	}

	private StaffClient agent() {
		return new StaffClient(this.port, "agent", "agent-dev");
	}

}
