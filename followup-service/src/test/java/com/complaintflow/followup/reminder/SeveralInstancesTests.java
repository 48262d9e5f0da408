package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.PartitionAssignments;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of the service sharing one database and consumer group, on the real clock:
 * together they raise every reminder exactly once and within seconds of its due time, and
 * when one dies holding claims the others take its cases over when the leases expire. The
 * instances join the service's own consumer group, {@code followup}, which the other test
 * classes' shared context leaves behind when it pauses: cases are opened only once the
 * instances alone make up the group, settled, and have read what was left in
 * {@code complaints.triaged}.
 */
class SeveralInstancesTests {

	static final int CASES = 20;

	static final String GROUP = "followup";

	static final Duration WINDOW = Duration.ofSeconds(20);

	static final List<Double> LADDER = List.of(0.5, 0.8, 1.0, 1.25, 1.5);

	final String database = "instances-" + UUID.randomUUID().toString().substring(0, 8);

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesRaiseEveryReminderOnceAndWithinSeconds() {
		// a lease long enough that a firing slowed by a loaded machine is not taken over
		// (that is the next test); the lateness bound holds on a loaded machine too, the
		// lateness itself is measured by the benchmarks
		ConfigurableApplicationContext a = start("a", Duration.ofSeconds(1), Duration.ofSeconds(10));
		ConfigurableApplicationContext b = start("b", Duration.ofSeconds(1), Duration.ofSeconds(10));
		awaitGroupSettled(a, b);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			List<String> caseIds = openCases(a.getBean(EventPublisher.class), WINDOW);

			List<Received> fired = await().atMost(Duration.ofSeconds(60))
				.until(() -> firstResponse(reminders, caseIds), (list) -> list.size() >= CASES * LADDER.size());

			assertThat(fired).hasSize(CASES * LADDER.size());
			assertThat(fired).extracting(Received::eventId).doesNotHaveDuplicates();
			for (Received reminder : fired) {
				assertThat(lateness(reminder)).as(reminder.json().toString()).isLessThan(Duration.ofSeconds(5));
			}
			assertThat(raisedBy(a)).isPositive();
			assertThat(raisedBy(b)).isPositive();
		}
	}

	@Test
	void instanceKilledHoldingClaimsIsTakenOverWhenItsLeasesExpire() {
		ConfigurableApplicationContext doomed = start("doomed", Duration.ofSeconds(6), Duration.ofSeconds(7));
		awaitGroupSettled(doomed);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			List<String> caseIds = openCases(doomed.getBean(EventPublisher.class), Duration.ofSeconds(16));
			MongoTemplate mongo = doomed.getBean(MongoTemplate.class);
			Query claimedByDoomed = Query.query(Criteria.where("leaseOwner").is("doomed"));
			await().atMost(Duration.ofSeconds(10)).until(() -> mongo.count(claimedByDoomed, "cases") == CASES);
			// what it raised before it died (its first rungs when the claims came late),
			// read from its counters once it is closed: it raises none after that
			MeterRegistry doomedMeters = doomed.getBean(MeterRegistry.class);
			doomed.close();
			double raisedBeforeKill = raisedBy(doomedMeters);

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

	/**
	 * Waits until the instances are the whole of the {@code followup} group, settled (no
	 * rebalance pending), hold every partition of complaints.triaged between them, and
	 * the group has read that topic to its end. Until then a rebalance as another of
	 * their consumers joins, or the records earlier test classes left unread in the
	 * group, would hold this test's cases back past their first rungs.
	 */
	private static void awaitGroupSettled(ConfigurableApplicationContext... instances) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> groupSettled(admin, instances));
		}
	}

	private static boolean groupSettled(Admin admin, ConfigurableApplicationContext... instances) throws Exception {
		ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
			.describedGroups()
			.get(GROUP)
			.get();
		Set<String> clientIds = new HashSet<>();
		Set<TopicPartition> held = new HashSet<>();
		for (ConfigurableApplicationContext instance : instances) {
			for (MessageListenerContainer container : instance.getBean(KafkaListenerEndpointRegistry.class)
				.getListenerContainers()) {
				Map<String, ?> consumers = container.getAssignmentsByClientId();
				if (GROUP.equals(container.getGroupId()) && consumers != null) {
					clientIds.addAll(consumers.keySet());
				}
			}
			held.addAll(PartitionAssignments.of(instance, Topics.TRIAGED));
		}
		Set<String> members = group.members().stream().map(MemberDescription::clientId).collect(Collectors.toSet());
		if (group.groupState() != GroupState.STABLE || !members.equals(clientIds)) {
			return false;
		}
		Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(Topics.TRIAGED))
			.allTopicNames()
			.get()
			.get(Topics.TRIAGED)
			.partitions()
			.stream()
			.collect(Collectors.toMap((p) -> new TopicPartition(Topics.TRIAGED, p.partition()),
					(p) -> OffsetSpec.latest()));
		if (!held.containsAll(ends.keySet())) {
			return false;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		return admin.listOffsets(ends).all().get().entrySet().stream().allMatch((end) -> {
			OffsetAndMetadata done = committed.get(end.getKey());
			return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
		});
	}

	private static double raisedBy(ConfigurableApplicationContext instance) {
		return raisedBy(instance.getBean(MeterRegistry.class));
	}

	private static double raisedBy(MeterRegistry meters) {
		return meters.find("followup.reminders")
			.tag("milestone", "FIRST_RESPONSE")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
