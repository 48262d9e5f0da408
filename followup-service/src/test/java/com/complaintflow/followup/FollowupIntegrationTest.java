package com.complaintflow.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.events.Deadlines;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.console.TriageStandIn;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Base of followup's integration tests on the system clock: the whole service on a random
 * port against the shared real broker and MongoDB wire server, with the development
 * accounts and a second agent, and triage's correction API stood in for
 * ({@link TriageStandIn}). Subclasses declare nothing of their own configuration, so
 * Spring starts this context once per test JVM and they all share it (and its database):
 * every test makes its own complaint ids and looks only at its own cases. Spring pauses
 * it (its listeners and timers stop) whenever no test class uses it (the tests'
 * {@code spring.properties}), so it never shares the {@code followup} consumer group's
 * partitions with another test's context or instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"complaintflow.security.users[0].username=agent", "complaintflow.security.users[0].password={noop}agent-dev",
		"complaintflow.security.users[0].roles=AGENT", "complaintflow.security.users[1].username=agent2",
		"complaintflow.security.users[1].password={noop}agent2-dev", "complaintflow.security.users[1].roles=AGENT",
		"complaintflow.security.users[2].username=supervisor",
		"complaintflow.security.users[2].password={noop}supervisor-dev",
		"complaintflow.security.users[2].roles=AGENT,SUPERVISOR", "complaintflow.security.users[3].username=ops",
		"complaintflow.security.users[3].password={noop}ops-dev",
		"complaintflow.security.users[3].roles=OPERATIONS,METRICS",
		"complaintflow.security.users[4].username=prometheus",
		"complaintflow.security.users[4].password={noop}prometheus-dev",
		"complaintflow.security.users[4].roles=METRICS" })
@ActiveProfiles("local")
public abstract class FollowupIntegrationTest {

	/** How long a test waits for the service to act on an event. */
	protected static final Duration SOON = Duration.ofSeconds(30);

	/**
	 * A first response due this soon puts a case before the shared database's other cases
	 * in the console's queue (soonest breach first, the 300 soonest shown). The database
	 * holds hundreds of other tests' cases: besides the cases of the classes sharing it,
	 * the records the tests that run their own instances in other consumer groups (such
	 * as {@code CaseOpeningScaleOutTests}' 300 decisions) left unread in
	 * {@code followup}'s group, which this context reads when it resumes; their first
	 * responses are due a day after they were made.
	 */
	protected static final Duration AMONG_THE_FIRST_IN_THE_QUEUE = Duration.ofHours(1);

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("complaintflow.followup.console.triage.url", () -> TriageStandIn.get().url());
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected EventPublisher publisher;

	@Autowired
	protected CaseStore caseStore;

	/**
	 * Opens a case from a triage decision (first response due in 24 hours) and waits
	 * until the case API has it and its opening is published.
	 * @return the case id
	 */
	protected String open() {
		return open(Duration.ofHours(24));
	}

	/**
	 * Opens a case whose first response is due after the given time (negative: already
	 * breached) and waits until the case API has it and its opening is published.
	 * @param firstResponseIn when the first response is due, from now
	 * @return the case id
	 */
	protected String open(Duration firstResponseIn) {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now,
				new Deadlines(now.plus(firstResponseIn), null, null, null, Duration.ofHours(24)), null));
		String caseId = CaseOpening.caseIdFor(complaintId);
		awaitOpened(caseId);
		return caseId;
	}

	/**
	 * Waits until the case API has the case and its {@code CaseOpened} event has left its
	 * outbox. The case is readable a moment before that, and an action in that moment
	 * publishes the {@code CaseOpened} event a second time (same id), which a test of the
	 * exact events would count.
	 * @param caseId the case
	 */
	protected void awaitOpened(String caseId) {
		await().atMost(SOON).until(() -> agent().get("/api/v1/cases/" + caseId).code() == 200);
		await().atMost(SOON).until(() -> this.caseStore.findById(caseId).orElseThrow().getPendingEvents().isEmpty());
	}

	/**
	 * Opens a case from the customer's words and the triage decision and waits until the
	 * case API shows the words.
	 * @param words the complaint's description
	 * @param name the customer's name
	 * @param phone the customer's phone
	 * @return the case id
	 */
	protected String openWithWords(String words, String name, String phone) {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.received(complaintId, now, words, name, phone));
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> {
			StaffClient.Answer answer = ops().get("/api/v1/cases/" + caseId);
			return answer.code() == 200 && !answer.json().get("complaint").isNull();
		});
		return caseId;
	}

	protected StaffClient agent() {
		return new StaffClient(this.port, "agent", "agent-dev");
	}

	protected StaffClient agent2() {
		return new StaffClient(this.port, "agent2", "agent2-dev");
	}

	protected StaffClient supervisor() {
		return new StaffClient(this.port, "supervisor", "supervisor-dev");
	}

	protected StaffClient ops() {
		return new StaffClient(this.port, "ops", "ops-dev");
	}

}
