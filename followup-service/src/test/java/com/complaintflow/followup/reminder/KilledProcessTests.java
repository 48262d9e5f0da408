package com.complaintflow.followup.reminder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances as separate OS processes sharing one broker and one wire server; one is
 * killed with SIGKILL while it holds claims on due reminders. The other raises every
 * reminder (one event id per rung, never a second id for the same rung) once the killed
 * instance's leases expire.
 */
class KilledProcessTests {

	static final int CASES = 30;

	static final Duration WINDOW = Duration.ofSeconds(10);

	static final List<String> LADDER = List.of("WARNING/AGENT", "WARNING/AGENT", "BREACH/AGENT",
			"ESCALATION/SUPERVISOR", "ESCALATION/EXPERT_TEAM");

	final String database = "killed-" + UUID.randomUUID().toString().substring(0, 8);

	final List<Process> processes = new ArrayList<>();

	ConfigurableApplicationContext publisherContext;

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		if (this.publisherContext != null) {
			this.publisherContext.close();
		}
	}

	@Test
	void killedProcessHoldingDueRemindersLosesAndDoublesNothing() throws Exception {
		Path logs = Files.createDirectories(Path.of("target", "killed-process-tests", this.database));
		Process first = spawn("p1", logs);
		Process second = spawn("p2", logs);
		// this JVM only publishes the triage decisions and watches; it fires nothing
		this.publisherContext = context();
		awaitLogged(logs, "p1", "Started FollowupApplication");
		awaitLogged(logs, "p2", "Started FollowupApplication");
		MongoTemplate mongo = this.publisherContext.getBean(MongoTemplate.class);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			List<String> caseIds = openCases(this.publisherContext.getBean(EventPublisher.class));
			// all opened first: a killed consumer would hold its partitions of
			// complaints.triaged until its session timed out (the new group also reads
			// the
			// topic's earlier records, so only this test's cases are counted)
			Query ours = Query.query(Criteria.where("_id").in(caseIds));
			await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(ours, "cases") == CASES);
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> Math.max(heldBy(mongo, caseIds, "p1"), heldBy(mongo, caseIds, "p2")) >= 5);
			boolean firstHolds = heldBy(mongo, caseIds, "p1") >= heldBy(mongo, caseIds, "p2");
			Process doomed = firstHolds ? first : second;
			String doomedName = firstHolds ? "p1" : "p2";
			Set<String> held = new HashSet<>(casesHeldBy(mongo, caseIds, doomedName));

			doomed.destroyForcibly().waitFor();
			// it may claim more between the reading and its death; its leases stay in
			// the store until they expire (4 s), so reading again now sees what it died
			// holding
			held.addAll(casesHeldBy(mongo, caseIds, doomedName));
			long claimsAtKill = held.size();

			List<Received> raised = await().atMost(Duration.ofSeconds(45))
				.until(() -> firstResponse(reminders, caseIds),
						(list) -> list.stream().map(Received::eventId).distinct().count() >= CASES * LADDER.size());
			int settled = raised.size();
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(6))
				.until(() -> firstResponse(reminders, caseIds).size() == settled);
			raised = firstResponse(reminders, caseIds);
			for (String caseId : caseIds) {
				List<Received> once = distinctByEventId(
						raised.stream().filter((r) -> caseId.equals(r.json().get("caseId").asString())).toList());
				assertThat(once).as(caseId).extracting(Received::kindAndLevel).containsExactlyElementsOf(LADDER);
			}
			long repeats = raised.size() - raised.stream().map(Received::eventId).distinct().count();
			LoggerFactory.getLogger(KilledProcessTests.class)
				.info("killed {} holding {} claims; {} reminders received, {} repeated event ids", doomedName,
						claimsAtKill, raised.size(), repeats);
			// a repeat can only be a send acknowledged by the killed process but not
			// recorded (same event id, dropped by consumers): at most every rung of each
			// case it held, as one claim raises all the rungs due by then (several when
			// the firing runs late)
			assertThat(repeats).isLessThanOrEqualTo(claimsAtKill * LADDER.size());
			assertThat(heldBy(mongo, caseIds, firstHolds ? "p2" : "p1")).isZero();
		}
	}

	private static List<Received> distinctByEventId(List<Received> received) {
		Map<String, Received> first = received.stream()
			.collect(Collectors.toMap(Received::eventId, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
		return List.copyOf(first.values());
	}

	private static long heldBy(MongoTemplate mongo, List<String> caseIds, String owner) {
		return casesHeldBy(mongo, caseIds, owner).size();
	}

	private static List<String> casesHeldBy(MongoTemplate mongo, List<String> caseIds, String owner) {
		return mongo.findDistinct(Query.query(Criteria.where("_id").in(caseIds).and("leaseOwner").is(owner)), "_id",
				"cases", String.class);
	}

	private Process spawn(String name, Path logs) throws IOException {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
				FollowupApplication.class.getName(), "--spring.profiles.active=local", "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
				"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
				"--spring.mongodb.database=" + this.database, "--complaintflow.kafka.partitions=3",
				// a group of their own: a killed member would stall the shared group's
				// rebalance for the other test classes until its session timed out
				"--spring.kafka.consumer.group-id=" + this.database,
				"--complaintflow.followup.timers.instance-id=" + name, "--complaintflow.followup.timers.batch-size=10",
				"--complaintflow.followup.timers.lookahead=1s", "--complaintflow.followup.timers.lease=4s",
				"--logging.level.root=WARN", "--logging.level.com.complaintflow=INFO");
		builder.redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
		Process process = builder.start();
		this.processes.add(process);
		return process;
	}

	private ConfigurableApplicationContext context() {
		return new SpringApplicationBuilder(FollowupApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--complaintflow.kafka.partitions=3",
					"--complaintflow.followup.timers.enabled=false", "--spring.kafka.listener.auto-startup=false");
	}

	private static void awaitLogged(Path logs, String name, String line) {
		Path log = logs.resolve(name + ".log");
		await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(log) && Files.readString(log).contains(line));
	}

	private static List<String> openCases(EventPublisher publisher) {
		List<String> caseIds = new ArrayList<>();
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < CASES; i++) {
			String complaintId = "CMP-" + UUID.randomUUID();
			Deadlines deadlines = new Deadlines(start.plus(WINDOW), null, null, null, Duration.ofHours(24));
			publisher.publishAndWait(TestEvents.triaged(complaintId, start, deadlines, null));
			caseIds.add(CaseOpening.caseIdFor(complaintId));
		}
		return caseIds;
	}

	private static List<Received> firstResponse(KafkaTestConsumer reminders, List<String> caseIds) {
		return ReminderRecords.of(reminders, java.util.Set.copyOf(caseIds), "FIRST_RESPONSE");
	}

}
