package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Topics;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timer index with a clock the test moves: timers that fell due while no instance ran
 * are raised once each and in order when one starts, every finished bucket is gone, and a
 * deadline moved by pause and resume, or a milestone met, leaves neither a duplicate nor
 * a lost reminder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext
@Import(MutableClock.Config.class)
class DurableTimerTests {

	static final Duration SOON = Duration.ofSeconds(30);

	static final List<String> LADDER = List.of("WARNING/AGENT", "WARNING/AGENT", "BREACH/AGENT",
			"ESCALATION/SUPERVISOR", "ESCALATION/EXPERT_TEAM");

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	EventPublisher publisher;

	@Autowired
	ReminderScheduler scheduler;

	@Autowired
	MongoTemplate mongo;

	@Test
	void timersDueWhileNoInstanceRanAreRaisedOnceEachInOrderOnStart() {
		List<String> caseIds = new ArrayList<>();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.scheduler.stop();
			for (int i = 0; i < 3; i++) {
				caseIds.add(open());
				this.clock.advance(Duration.ofHours(1));
			}

			this.clock.advance(Duration.ofDays(3));
			this.scheduler.start();

			await().atMost(SOON).until(() -> firstResponse(reminders, caseIds).size() >= caseIds.size() * 5);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> firstResponse(reminders, caseIds).size() == caseIds.size() * 5);
			for (String caseId : caseIds) {
				List<Received> raised = ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE");
				assertThat(raised).extracting(Received::kindAndLevel).containsExactlyElementsOf(LADDER);
				assertThat(raised).extracting(Received::eventId).doesNotHaveDuplicates();
			}
		}
		long finishedBefore = this.clock.instant().minus(Duration.ofMinutes(1)).getEpochSecond();
		await().atMost(SOON)
			.until(() -> this.mongo.getCollection("timer_buckets")
				.countDocuments(new Document("_id", new Document("$lt", finishedBefore))) == 0);
		// the cursor moves on at the poll after the one that removed the last bucket
		await().atMost(SOON)
			.untilAsserted(() -> assertThat(
					this.mongo.getCollection("timer_cursor").find().first().get("second", Number.class).longValue())
				.isGreaterThanOrEqualTo(finishedBefore));
	}

	@Test
	void deadlineMovedByPauseAndResumeRaisesEachRungOnceAtItsNewTime() {
		String caseId = open();
		StaffClient agent = agent();
		Instant start = this.clock.instant();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.set(start.plus(Duration.ofHours(13)));
			await().atMost(SOON).until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
			assertThat(agent.post("/api/v1/cases/" + caseId + "/wait-on-customer", null, "{}").code()).isEqualTo(200);
			this.clock.set(start.plus(Duration.ofHours(40)));
			assertThat(agent.post("/api/v1/cases/" + caseId + "/resume", null, null).code()).isEqualTo(200);
			// paused 27 h: the second warning (80 %) moves from 19.2 h to 46.2 h
			this.clock.set(start.plus(Duration.ofHours(46)));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);

			this.clock.set(start.plus(Duration.ofHours(27 + 36)));

			await().atMost(SOON).until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() >= 5);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 5);
			List<Received> raised = ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE");
			assertThat(raised).extracting(Received::kindAndLevel).containsExactlyElementsOf(LADDER);
			assertThat(raised).extracting(Received::eventId).doesNotHaveDuplicates();
			Instant deadline = Instant.parse(raised.get(4).json().get("dueAt").asString());
			assertThat(deadline).isEqualTo(start.plus(Duration.ofHours(24 + 27)));
		}
	}

	@Test
	void milestoneMetAfterItsFirstWarningRaisesNothingMore() {
		String caseId = open();
		Instant start = this.clock.instant();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.set(start.plus(Duration.ofHours(13)));
			await().atMost(SOON).until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
			assertThat(agent().post("/api/v1/cases/" + caseId + "/contact", null, "{}").code()).isEqualTo(200);

			this.clock.set(start.plus(Duration.ofHours(40)));

			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(6))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
		}
	}

	private static List<Received> firstResponse(KafkaTestConsumer reminders, List<String> caseIds) {
		List<Received> all = new ArrayList<>();
		for (String caseId : caseIds) {
			all.addAll(ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE"));
		}
		return all;
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
