package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.timer.TimerIndex;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.tracing.ComplaintTrace;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.mongodb.client.result.UpdateResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Wait-on-customer and resume publish their lifecycle events once, with the pause and the
 * moved deadlines, under the same event ids when retried after a crash; closing publishes
 * every milestone's actuals; events a crash left in a case's outbox are swept out with
 * their ids. Real HTTP, broker and wire server, a clock moved by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(MutableClock.Config.class)
@DirtiesContext
class PauseEventsTests {

	static final Duration SOON = Duration.ofSeconds(20);

	static final String WAITING = "case-waiting-on-customer";

	static final String RESUMED = "case-resumed";

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
	CaseStore store;

	@Autowired
	MilestoneClock milestones;

	@Autowired
	CaseOutbox outbox;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TimerIndex timers;

	@Test
	void waitAndResumePublishTheirEventsOnceWithThePauseAndTheMovedDeadlines() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			Instant due = Instant.parse(dueAt(agent().get(view(caseId)).json(), "FIRST_RESPONSE").asString());
			Instant pausedAt = this.clock.instant();

			agent().post(path(caseId, "wait-on-customer"), "wait-1", "{\"note\":\"router serial\"}");
			agent().post(path(caseId, "wait-on-customer"), "wait-1", "{\"note\":\"router serial\"}");
			this.clock.advance(Duration.ofHours(2));
			agent().post(path(caseId, "resume"), "resume-1", null);
			JsonNode resumed = agent().post(path(caseId, "resume"), "resume-1", null).json();

			assertThat(Instant.parse(dueAt(resumed, "FIRST_RESPONSE").asString()))
				.isEqualTo(due.plus(Duration.ofHours(2)));
			assertThat(resumed.get("timeline")).extracting((entry) -> entry.get("action").asString())
				.containsSubsequence("WAITING_ON_CUSTOMER", "RESUMED")
				.containsOnlyOnce("WAITING_ON_CUSTOMER", "RESUMED");
			await().atMost(SOON).until(() -> bodies(cases, caseId, RESUMED).size() == 1);
			await().during(Duration.ofSeconds(1))
				.atMost(SOON)
				.until(() -> bodies(cases, caseId, WAITING).size() == 1 && bodies(cases, caseId, RESUMED).size() == 1);
			JsonNode waiting = bodies(cases, caseId, WAITING).get(0);
			assertThat(waiting.get("reason").asString()).isEqualTo("router serial");
			assertThat(Instant.parse(waiting.get("pausedAt").asString())).isEqualTo(pausedAt);
			assertThat(waiting.get("pausedMilestones")).extracting(JsonNode::asString)
				.containsExactlyInAnyOrder("FIRST_RESPONSE", "PROGRESS_UPDATE");
			JsonNode published = bodies(cases, caseId, RESUMED).get(0);
			assertThat(published.get("pausedFor").asString()).isEqualTo("PT2H");
			assertThat(published.get("movedMilestones")).anySatisfy((moved) -> {
				assertThat(moved.get("kind").asString()).isEqualTo("FIRST_RESPONSE");
				assertThat(Instant.parse(moved.get("dueAt").asString())).isEqualTo(due.plus(Duration.ofHours(2)));
			});
		}
	}

	@Test
	void actionRetriedAfterACrashBeforePublishingPublishesTheSameEventId() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			CaseActions crashing = crashingActions();
			CaseActions.Actor agent = new CaseActions.Actor("agent", false);

			assertThatIllegalStateException().isThrownBy(() -> crashing.waitOnCustomer(caseId, agent, "w", null));
			String pendingId = eventId(this.store.findById(caseId).orElseThrow().getPendingEvents().get(0));
			agent().post(path(caseId, "wait-on-customer"), "w", "{}");
			assertThatIllegalStateException().isThrownBy(() -> crashing.resume(caseId, agent, "r"));
			String pendingResumeId = eventId(this.store.findById(caseId).orElseThrow().getPendingEvents().get(0));
			agent().post(path(caseId, "resume"), "r", null);

			await().atMost(SOON)
				.until(() -> ids(cases, caseId, WAITING).size() >= 1 && ids(cases, caseId, RESUMED).size() >= 1);
			assertThat(ids(cases, caseId, WAITING)).containsOnly(pendingId);
			assertThat(ids(cases, caseId, RESUMED)).containsOnly(pendingResumeId);
			assertThat(this.store.findById(caseId).orElseThrow().getPendingEvents()).isEmpty();
		}
	}

	@Test
	void eventsLeftInTheOutboxByACrashAreSweptWithTheirEventIds() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			CaseActions crashing = crashingActions();

			assertThatIllegalStateException()
				.isThrownBy(() -> crashing.waitOnCustomer(caseId, new CaseActions.Actor("agent", false), "w", null));
			String pendingId = eventId(this.store.findById(caseId).orElseThrow().getPendingEvents().get(0));
			this.clock.advance(Duration.ofSeconds(6));

			await().atMost(SOON).until(() -> this.store.findById(caseId).orElseThrow().getPendingEvents().isEmpty());
			await().atMost(SOON).until(() -> ids(cases, caseId, WAITING).size() == 1);
			assertThat(ids(cases, caseId, WAITING)).containsOnly(pendingId);
		}
	}

	@Test
	void aSweepBetweenTheIndexEntryAndTheCaseWriteLeavesTheEventsToTheNextSweep() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			// a store whose case writes run a sweep first: it reads the index entry
			// written just before and the case as it still is (no events), and removes
			// the entry; then the write adds the event, and the process dies before
			// publishing it
			CaseOutbox sweeper = this.outbox;
			List<Boolean> indexedAfterTheSweep = new ArrayList<>();
			MongoTemplate sweptFirst = new MongoTemplate(this.mongo.getMongoDatabaseFactory(),
					this.mongo.getConverter()) {
				@Override
				public <T> UpdateResult replace(Query query, T replacement, ReplaceOptions options, String collection) {
					sweeper.sweep();
					indexedAfterTheSweep.add(indexed(caseId));
					return super.replace(query, replacement, options, collection);
				}
			};
			CaseStore store = new CaseStore(sweptFirst, this.timers);
			CaseActions crashing = new CaseActions(
					new CaseChanges(store, new CrashingOutbox(this.publisher, store, this.clock), this.clock),
					this.milestones, new OwnershipSettings("supervisors", "experts"));

			assertThatIllegalStateException()
				.isThrownBy(() -> crashing.waitOnCustomer(caseId, new CaseActions.Actor("agent", false), "w", null));
			assertThat(indexedAfterTheSweep).containsExactly(false);
			String pendingId = eventId(this.store.findById(caseId).orElseThrow().getPendingEvents().get(0));
			assertThat(indexed(caseId)).isTrue();
			this.clock.advance(Duration.ofSeconds(6));

			await().atMost(SOON).until(() -> ids(cases, caseId, WAITING).size() == 1);
			assertThat(ids(cases, caseId, WAITING)).containsOnly(pendingId);
		}
	}

	@Test
	void aCaseReadInPartCannotBeSaved() {
		String caseId = open();
		FollowupCase state = this.store.findState(java.util.List.of(caseId)).get(caseId);

		assertThat(state.getMilestones()).isNotEmpty();
		assertThat(state.getStatus()).isEqualTo(CaseStatus.OPEN);
		assertThat(state.getTimeline()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> this.store.save(state));
		assertThatIllegalStateException().isThrownBy(() -> this.store.saveFired(state));
		assertThat(this.store.findById(caseId).orElseThrow().getTimeline()).isNotEmpty();
	}

	@Test
	void closedCasePublishesTheActualsOfEveryMilestone() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			agent().post(path(caseId, "wait-on-customer"), null, "{}");
			this.clock.advance(Duration.ofHours(1));
			agent().post(path(caseId, "resume"), null, null);
			this.clock.advance(Duration.ofMinutes(30));
			agent().post(path(caseId, "contact"), null, "{}");
			agent().post(path(caseId, "resolve"), null, "{\"resolution\":\"Line card replaced\"}");
			agent().post(path(caseId, "callback"), null, "{\"satisfaction\":5,\"problemResolved\":true}");
			agent().post(path(caseId, "close"), null, "{\"outcome\":\"RETAINED\"}");

			await().atMost(SOON).until(() -> bodies(cases, caseId, "case-closed").size() == 1);
			JsonNode actuals = bodies(cases, caseId, "case-closed").get(0).get("milestones");
			JsonNode firstResponse = actual(actuals, "FIRST_RESPONSE");
			assertThat(firstResponse.get("elapsedMs").asLong()).isEqualTo(Duration.ofMinutes(30).toMillis());
			assertThat(firstResponse.get("pausedMs").asLong()).isEqualTo(Duration.ofHours(1).toMillis());
			assertThat(firstResponse.has("metAt")).isTrue();
			assertThat(firstResponse.has("breachedAt")).isFalse();
			assertThat(actual(actuals, "PROGRESS_UPDATE").has("metAt")).as("cancelled by resolve, not met").isFalse();
			assertThat(actual(actuals, "CALLBACK").has("metAt")).isTrue();
		}
	}

	/** Opens a case and waits until its opening is published, so its outbox is empty. */
	private boolean indexed(String caseId) {
		return this.store.outboxes()
			.entries(Integer.MAX_VALUE)
			.stream()
			.anyMatch((entry) -> entry.caseId().equals(caseId));
	}

	private String open() {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = this.clock.instant();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now,
				new Deadlines(now.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)), null));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> agent().get(view(caseId)).code() == 200);
		// The case is readable before its CaseOpened event leaves the outbox; the tests
		// read the outbox's first event as the one their action left there.
		await().atMost(SOON).until(() -> this.store.findById(caseId).orElseThrow().getPendingEvents().isEmpty());
		return caseId;
	}

	private StaffClient agent() {
		return new StaffClient(this.port, "agent", "agent-dev");
	}

	private static String view(String caseId) {
		return "/api/v1/cases/" + caseId;
	}

	private static String path(String caseId, String action) {
		return view(caseId) + "/" + action;
	}

	private static JsonNode dueAt(JsonNode view, String kind) {
		for (JsonNode milestone : view.get("milestones")) {
			if (kind.equals(milestone.get("kind").asString()) && milestone.get("seq").asInt() == 1) {
				return milestone.get("dueAt");
			}
		}
		throw new AssertionError("No milestone " + kind + " in " + view);
	}

	private static JsonNode actual(JsonNode actuals, String kind) {
		for (JsonNode actual : actuals) {
			if (kind.equals(actual.get("kind").asString()) && actual.get("seq").asInt() == 1) {
				return actual;
			}
		}
		throw new AssertionError("No actual for " + kind + " in " + actuals);
	}

	private static List<JsonNode> bodies(KafkaTestConsumer consumer, String caseId, String type) {
		List<JsonNode> bodies = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : consumer.poll()) {
			String json = new String(record.value(), StandardCharsets.UTF_8);
			String recordType = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
					StandardCharsets.UTF_8);
			if (json.contains(caseId) && recordType.equals(type)) {
				bodies.add(EventJson.mapper().readTree(json));
			}
		}
		return bodies;
	}

	private static List<String> ids(KafkaTestConsumer consumer, String caseId, String type) {
		return bodies(consumer, caseId, type).stream().map((body) -> body.get("eventId").asString()).toList();
	}

	private static String eventId(String pendingJson) {
		return EventJson.mapper().readTree(pendingJson).get("eventId").asString();
	}

	/** Case actions whose process dies after saving the case, before publishing. */
	private CaseActions crashingActions() {
		return new CaseActions(
				new CaseChanges(this.store, new CrashingOutbox(this.publisher, this.store, this.clock), this.clock),
				this.milestones, new OwnershipSettings("supervisors", "experts"));
	}

	/** An outbox whose process dies after the case was saved, before publishing. */
	static class CrashingOutbox extends CaseOutbox {

		CrashingOutbox(EventPublisher publisher, CaseStore store, Clock clock) {
			super(publisher, store, new ComplaintTrace(Tracer.NOOP, Propagator.NOOP), clock);
		}

		@Override
		public void flush(FollowupCase followupCase) {
			throw new IllegalStateException("killed after saving, before publishing");
		}

	}

}
