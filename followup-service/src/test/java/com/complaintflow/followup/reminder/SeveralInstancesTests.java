package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the service sharing one database and consumer group, on the real clock:
 * together they raise every reminder exactly once and within a second of its due time,
 * and when one dies holding claims the others take its cases over when the leases expire.
 */
class SeveralInstancesTests {

	static final int CASES = 20;

	static final Duration WINDOW = Duration.ofSeconds(8);

	static final List<Double> LADDER = List.of(0.5, 0.8, 1.0, 1.25, 1.5);

	final String database = "instances-" + UUID.randomUUID().toString().substring(0, 8);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesRaiseEveryReminderOnceAndWithinOneSecond() {
		ConfigurableApplicationContext a = start("a", Duration.ofSeconds(1), Duration.ofSeconds(3));
		ConfigurableApplicationContext b = start("b", Duration.ofSeconds(1), Duration.ofSeconds(3));
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			List<String> caseIds = openCases(a.getBean(EventPublisher.class), WINDOW);

			List<Received> fired = await().atMost(Duration.ofSeconds(40))
				.until(() -> firstResponse(reminders, caseIds), (list) -> list.size() >= CASES * LADDER.size());

			assertThat(fired).hasSize(CASES * LADDER.size());
			assertThat(fired).extracting(Received::eventId).doesNotHaveDuplicates();
			for (Received reminder : fired) {
				assertThat(lateness(reminder)).as(reminder.json().toString()).isLessThan(Duration.ofSeconds(1));
			}
			assertThat(raisedBy(a)).isPositive();
			assertThat(raisedBy(b)).isPositive();
		}
	}

	@Test
	void instanceKilledHoldingClaimsIsTakenOverWhenItsLeasesExpire() {
		ConfigurableApplicationContext doomed = start("doomed", Duration.ofSeconds(6), Duration.ofSeconds(7));
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			List<String> caseIds = openCases(doomed.getBean(EventPublisher.class), Duration.ofSeconds(16));
			MongoTemplate mongo = doomed.getBean(MongoTemplate.class);
			Query claimedByDoomed = Query.query(Criteria.where("leaseOwner").is("doomed"));
			await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(claimedByDoomed, "cases") == CASES);
			doomed.close();
			int raisedBeforeKill = firstResponse(reminders, caseIds).size();

			ConfigurableApplicationContext survivor = start("survivor", Duration.ofSeconds(1), Duration.ofSeconds(3));

			List<Received> fired = await().atMost(Duration.ofSeconds(60))
				.until(() -> firstResponse(reminders, caseIds),
						(list) -> list.stream().map(Received::eventId).distinct().count() >= CASES * LADDER.size());
			assertThat(fired.stream().map(Received::eventId).distinct()).hasSize(CASES * LADDER.size());
			assertThat(fired.stream()
				.map((r) -> r.json().get("caseId").asString() + r.kindAndLevel() + r.eventId())
				.distinct()).hasSize(CASES * LADDER.size());
			assertThat(raisedBy(survivor)).isGreaterThanOrEqualTo(CASES * LADDER.size() - raisedBeforeKill);
		}
	}

	private ConfigurableApplicationContext start(String name, Duration lookahead, Duration lease) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FollowupApplication.class)
			.profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--complaintflow.kafka.partitions=3",
					"--complaintflow.followup.timers.instance-id=" + name,
					"--complaintflow.followup.timers.batch-size=5",
					"--complaintflow.followup.timers.lookahead=" + lookahead.toMillis() + "ms",
					"--complaintflow.followup.timers.lease=" + lease.toMillis() + "ms");
		this.instances.add(context);
		return context;
	}

	private static List<String> openCases(EventPublisher publisher, Duration window) {
		List<String> caseIds = new ArrayList<>();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < CASES; i++) {
			String complaintId = "CMP-" + UUID.randomUUID();
			Deadlines deadlines = new Deadlines(start.plus(window), null, null, null, Duration.ofHours(24));
			publisher.publishAndWait(TestEvents.triaged(complaintId, start, deadlines, null));
			caseIds.add(CaseOpening.caseIdFor(complaintId));
		}
		return caseIds;
	}

	private static List<Received> firstResponse(KafkaTestConsumer reminders, List<String> caseIds) {
		List<Received> all = new ArrayList<>();
		for (String caseId : caseIds) {
			all.addAll(ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE"));
		}
		return all;
	}

	/** When the reminder was published, against when its rung was due. */
	private static Duration lateness(Received reminder) {
		JsonNode json = reminder.json();
		Instant deadline = Instant.parse(json.get("dueAt").asString());
		Instant start = deadline.minus(WINDOW);
		int rung = switch (reminder.kindAndLevel()) {
			case "BREACH/AGENT" -> 2;
			case "ESCALATION/SUPERVISOR" -> 3;
			case "ESCALATION/EXPERT_TEAM" -> 4;
			default -> -1;
		};
		if (rung < 0) {
			return Duration.ZERO;
		}
		Instant due = start.plusMillis(Math.round(LADDER.get(rung) * WINDOW.toMillis()));
		return Duration.between(due, Instant.parse(json.get("occurredAt").asString()));
	}

	private static double raisedBy(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class)
			.find("followup.reminders")
			.tag("milestone", "FIRST_RESPONSE")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
