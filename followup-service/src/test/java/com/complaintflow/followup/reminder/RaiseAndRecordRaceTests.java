package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.OwnershipSettings;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.deadline.Milestone;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.followup.deadline.MilestoneStatus;
import com.complaintflow.followup.oncall.OnCallOutbox;
import com.complaintflow.followup.timer.TimerIndex;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.tracing.ComplaintTrace;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * What happens between raising a case's reminders and recording them, each race forced
 * deterministically through a store that acts at the moment of the save: an instance that
 * dies there (its lease expires, another raises the same event ids, which consumers drop,
 * and records them once), a staff change saved first, and another instance that took the
 * lease over and fired the same rungs. Every rung is recorded, and every escalation
 * counted, exactly once. The record is a targeted write ({@link CaseStore#saveFired}):
 * the case it leaves is the one a whole-case save leaves. A breach's on-call alert is
 * kept before the rung is recorded, and a delivery in between pages it as firing.
 */
@SpringBootTest(properties = { "complaintflow.followup.timers.enabled=false",
		"complaintflow.followup.oncall.poll-interval=100ms" })
@ActiveProfiles("local")
@Import(MutableClock.Config.class)
@DirtiesContext
class RaiseAndRecordRaceTests {

	private static final Duration LEASE = Duration.ofSeconds(30);

	static final WebhookReceiver onCallReceiver = WebhookReceiver.start(0);

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("complaintflow.followup.oncall.webhook-urls", onCallReceiver::url);
	}

	@AfterAll
	static void stopReceiver() {
		onCallReceiver.close();
	}

	@Autowired
	MutableClock clock;

	@Autowired
	EventPublisher publisher;

	@Autowired
	CaseStore store;

	@Autowired
	ReminderFiring firing;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MilestoneClock milestones;

	@Autowired
	TimerIndex timers;

	@Autowired
	OnCallOutbox onCall;

	@Autowired
	ReminderMetrics metrics;

	@Autowired
	ComplaintTrace trace;

	@Autowired
	MeterRegistry registry;

	@BeforeEach
	void everyTestStartsAtTheSameInstant() {
		// the timers are off in this class, so the clock may go back between tests
		this.clock.set(MutableClock.START);
	}

	@Test
	void reminderSentButNotRecordedIsSentAgainWithTheSameEventIdAndRecordedOnce() {
		String caseId = openCase();
		ReminderFiring crashing = new ReminderFiring(new CrashingStore(this.mongo, this.timers), this.milestones,
				this.publisher, this.onCall, this.metrics, new OwnershipSettings("supervisors", "experts"), this.trace,
				this.clock);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(12));
			assertThat(this.store.claim(caseId, "crashed", this.clock.instant(), leaseEnd(this.clock))).isPresent();

			double failuresBefore = this.registry.get("followup.reminder.failures").counter().count();
			assertThatIllegalStateException().isThrownBy(() -> crashing.fire(caseId, "crashed"));
			assertThat(this.registry.get("followup.reminder.failures").counter().count()).as("counted for the alert")
				.isEqualTo(failuresBefore + 1);

			await().atMost(Duration.ofSeconds(20))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
			FollowupCase afterCrash = this.store.findById(caseId).orElseThrow();
			assertThat(afterCrash.getMilestones().get(0).getNextStep()).isZero();
			assertThat(this.store.claim(caseId, "survivor", this.clock.instant(), leaseEnd(this.clock))).isEmpty();

			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.store.claim(caseId, "survivor", this.clock.instant(), leaseEnd(this.clock))).isPresent();
			// the first response's warning, and whatever the business-hours progress
			// update is due
			assertThat(this.firing.fire(caseId, "survivor")).isPositive();

			await().atMost(Duration.ofSeconds(20))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 2);
			List<Received> sent = ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE");
			assertThat(sent).extracting(Received::eventId).containsOnly(sent.get(0).eventId());
			assertThat(sent).extracting(Received::kindAndLevel).containsOnly("WARNING/AGENT");
			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			assertThat(recorded.getMilestones().get(0).getNextStep()).isEqualTo(1);
			assertThat(recorded.getLeaseOwner()).isNull();
			assertThat(recorded.getTimeline())
				.filteredOn((e) -> e.action().equals("REMINDER_WARNING") && e.detail().contains("FIRST_RESPONSE"))
				.hasSize(1);
		}
	}

	@Test
	void aStaffChangeBetweenRaiseAndRecordDoesNotCountTheEscalationTwice() {
		String caseId = openCase();
		ReminderFiring conflicted = firingThrough(new RacingStore(this.mongo, this.timers, () -> {
			FollowupCase staffCopy = this.store.findById(caseId).orElseThrow();
			staffCopy.record(this.clock.instant(), "NOTE", "agent", "called the customer, no answer");
			this.store.save(staffCopy);
		}));
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(30));
			claim(caseId, "first");

			conflicted.fire(caseId, "first");

			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			assertThat(recorded.getTimeline()).filteredOn((e) -> e.action().equals("NOTE")).hasSize(1);
			assertThat(recorded.getLeaseOwner()).isNull();
			assertEachRungCountedOnce(recorded, reminders, 1);
		}
	}

	@Test
	void aPauseSavedBetweenRaiseAndRecordKeepsTheSentWarningRecordedSoItIsNotSentAgainAfterTheResume() {
		String caseId = openCase();
		ReminderFiring overtaken = overtakenBy(caseId, this.milestones::pause);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(12));
			claim(caseId, "first");

			overtaken.fire(caseId, "first");

			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			Milestone firstResponse = recorded.getMilestones().get(0);
			assertThat(firstResponse.getKind()).isEqualTo(MilestoneKind.FIRST_RESPONSE);
			assertThat(firstResponse.getStatus()).isEqualTo(MilestoneStatus.PAUSED);
			assertThat(firstResponse.getNextStep()).as("the warning sent is recorded").isEqualTo(1);
			assertThat(recorded.getTimeline())
				.filteredOn((e) -> e.action().equals("REMINDER_WARNING") && e.detail().contains("FIRST_RESPONSE"))
				.hasSize(1);

			// resumed two hours later, and fired an hour after that: nothing new is due
			this.clock.advance(Duration.ofHours(2));
			recorded.getMilestones().forEach((milestone) -> this.milestones.resume(milestone, this.clock.instant()));
			recorded.rescheduleTimer();
			this.store.save(recorded);
			this.clock.advance(Duration.ofHours(1));
			claim(caseId, "second");
			this.firing.fire(caseId, "second");
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(20))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
		}
	}

	@Test
	void anEscalationSentAsTheCaseWasResolvedIsCountedOnceAndLeavesTheCaseWhereStaffPutIt() {
		String caseId = openCase();
		ReminderFiring overtaken = overtakenBy(caseId, this.milestones::meet);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(30));
			claim(caseId, "first");

			overtaken.fire(caseId, "first");

			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			assertThat(recorded.getEscalatedTo()).isNull();
			assertThat(recorded.getMilestones().get(0).getStatus()).isEqualTo(MilestoneStatus.MET);
			assertThat(recorded.getMilestones().get(0).getBreachedAt()).isNull();
			assertEachRungCountedOnce(recorded, reminders, 1);
		}
	}

	@Test
	void aLeaseTakenOverBetweenRaiseAndRecordCountsEachRungOnce() {
		String caseId = openCase();
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(30));
			claim(caseId, "first");
			this.firing.fire(caseId, "first");
			this.clock.advance(Duration.ofHours(6));
			claim(caseId, "slow");
			ReminderFiring slow = firingThrough(new RacingStore(this.mongo, this.timers, () -> {
				this.clock.advance(LEASE.plusSeconds(1));
				claim(caseId, "fast");
				assertThat(this.firing.fire(caseId, "fast")).isPositive();
			}));

			slow.fire(caseId, "slow");

			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			assertThat(recorded.getLeaseOwner()).isNull();
			assertEachRungCountedOnce(recorded, reminders, 2);
		}
	}

	@Test
	void aBreachDeliveredBeforeItsRungIsRecordedPagesFiring() {
		String caseId = openCase();
		this.clock.advance(Duration.ofHours(24));
		claim(caseId, "first");
		// the on-call delivery reads the case after the alert is kept (and the reminder
		// acknowledged) but before the breach is recorded
		ReminderFiring slowRecord = firingThrough(new RacingStore(this.mongo, this.timers,
				() -> await().atMost(Duration.ofSeconds(20)).until(() -> !breachPosts(caseId).isEmpty())));

		slowRecord.fire(caseId, "first");

		JsonNode firstPost = breachPosts(caseId).get(0);
		assertThat(Instant.parse(firstPost.path("endsAt").asString()))
			.as("the first post of the breach fires (endsAt ahead), it does not resolve it")
			.isAfter(this.clock.instant());
		assertThat(this.store.findById(caseId).orElseThrow().getMilestones().get(0).getBreachedAt()).isNotNull();
	}

	/** The alerts the on-call receiver took for the case's breach, in order. */
	private static List<JsonNode> breachPosts(String caseId) {
		return onCallReceiver.accepted()
			.stream()
			.flatMap((body) -> EventJson.mapper().readTree(body).valueStream())
			.filter((alert) -> caseId.equals(alert.path("labels").path("caseId").asString(null))
					&& "ComplaintMilestoneBreach".equals(alert.path("labels").path("alertname").asString(null)))
			.toList();
	}

	@Test
	void theTargetedRecordStoresWhatAWholeSaveStores() {
		assertFiredLikeAWholeSave(0);
	}

	@Test
	void theTargetedRecordKeepsAFullTimelineBoundedLikeAWholeSave() {
		FollowupCase fired = assertFiredLikeAWholeSave(FollowupCase.MAX_TIMELINE - 2);
		assertThat(fired.getTimeline()).hasSize(FollowupCase.MAX_TIMELINE);
		assertThat(fired.getTimelineDropped()).isPositive();
	}

	/**
	 * Opens two identical cases, gives each {@code notes} timeline entries, fires both 30
	 * hours later (warnings, breach and escalation rungs, which move the owner), one
	 * recorded by the targeted write and one by a whole-case save, and compares the
	 * stored documents.
	 * @return the case recorded by the targeted write
	 */
	private FollowupCase assertFiredLikeAWholeSave(int notes) {
		String targeted = openCase();
		String whole = openCase();
		for (String caseId : List.of(targeted, whole)) {
			FollowupCase c = this.store.findById(caseId).orElseThrow();
			for (int i = 0; i < notes; i++) {
				c.record(this.clock.instant(), "NOTE", "agent", "note " + i);
			}
			this.store.save(c);
		}
		this.clock.advance(Duration.ofHours(30));
		claim(targeted, "first");
		claim(whole, "first");
		CaseStore wholeStore = new CaseStore(this.mongo, this.timers) {
			@Override
			public FollowupCase saveFired(FollowupCase followupCase) {
				return save(followupCase);
			}
		};

		assertThat(firingThrough(this.store).fire(targeted, "first")).isGreaterThanOrEqualTo(4);
		assertThat(firingThrough(wholeStore).fire(whole, "first")).isGreaterThanOrEqualTo(4);

		assertThat(stored(targeted)).isEqualTo(stored(whole));
		FollowupCase fired = this.store.findById(targeted).orElseThrow();
		assertThat(fired.getEscalatedTo()).isNotNull();
		assertThat(fired.getLeaseOwner()).isNull();
		return fired;
	}

	/**
	 * The stored case as JSON parsed back, with its own ids replaced by placeholders and
	 * its trace (each complaint's own) left out.
	 */
	private org.bson.Document stored(String caseId) {
		org.bson.Document raw = this.mongo.findById(caseId, org.bson.Document.class, "cases");
		assertThat(raw).isNotNull();
		raw.remove("traceParent");
		String json = raw.toJson()
			.replace(caseId, "CASE")
			.replace(raw.getString("complaintId"), "COMPLAINT")
			.replace(raw.getString("customerId"), "CUSTOMER");
		return org.bson.Document.parse(json);
	}

	private String openCase() {
		String complaintId = "CMP-" + UUID.randomUUID();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, this.clock.instant()));
		String caseId = CaseOpening.caseIdFor(complaintId);
		// and until its CaseOpened event has left the outbox: a save of the case read
		// before that would put the event back in one case and not in the other
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.store.findById(caseId).filter((c) -> c.getPendingEvents().isEmpty()).isPresent());
		return caseId;
	}

	private void claim(String caseId, String owner) {
		assertThat(this.store.claim(caseId, owner, this.clock.instant(), this.clock.instant().plus(LEASE)))
			.as("claim by " + owner)
			.isPresent();
	}

	/**
	 * A firing whose record finds a staff change of every milestone of the case (a pause,
	 * a met promise) saved first.
	 */
	private ReminderFiring overtakenBy(String caseId, BiConsumer<Milestone, Instant> change) {
		return firingThrough(new RacingStore(this.mongo, this.timers, () -> {
			FollowupCase staffCopy = this.store.findById(caseId).orElseThrow();
			staffCopy.getMilestones().forEach((milestone) -> change.accept(milestone, this.clock.instant()));
			staffCopy.rescheduleTimer();
			this.store.save(staffCopy);
		}));
	}

	private ReminderFiring firingThrough(CaseStore racingStore) {
		return new ReminderFiring(racingStore, this.milestones, this.publisher, this.onCall, this.metrics,
				new OwnershipSettings("supervisors", "experts"), this.trace, this.clock);
	}

	/**
	 * The case's count equals the escalation rungs in its timeline and the distinct
	 * escalation reminders on the topic, over all its milestones (the business-hours
	 * progress update may escalate too, depending on the hour the test runs), and the
	 * first response's own rungs are there.
	 */
	private static void assertEachRungCountedOnce(FollowupCase recorded, KafkaTestConsumer reminders,
			int firstResponseRungs) {
		long inTimeline = recorded.getTimeline()
			.stream()
			.filter((e) -> e.action().equals("REMINDER_ESCALATION"))
			.count();
		assertThat(recorded.getEscalations()).isEqualTo(inTimeline);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			java.util.List<Received> escalations = ReminderRecords.of(reminders, recorded.getId(), null)
				.stream()
				.filter((r) -> r.kindAndLevel().startsWith("ESCALATION/"))
				.toList();
			assertThat(escalations.stream().map(Received::eventId).distinct().count()).isEqualTo(inTimeline);
			assertThat(escalations.stream()
				.filter((r) -> "FIRST_RESPONSE".equals(r.json().path("milestone").asString(null)))
				.map(Received::eventId)
				.distinct()
				.count()).isEqualTo(firstResponseRungs);
		});
	}

	private static java.time.Instant leaseEnd(Clock clock) {
		return clock.instant().plus(LEASE);
	}

	/** A store whose process dies when it is about to record the reminders. */
	static class CrashingStore extends CaseStore {

		CrashingStore(MongoTemplate mongo, TimerIndex timers) {
			super(mongo, timers);
		}

		@Override
		public FollowupCase saveFired(FollowupCase followupCase) {
			throw new IllegalStateException("killed between send and record");
		}

	}

	/** A store whose first save lets a competing writer save first, then saves. */
	static class RacingStore extends CaseStore {

		private Runnable competitor;

		RacingStore(MongoTemplate mongo, TimerIndex timers, Runnable competitor) {
			super(mongo, timers);
			this.competitor = competitor;
		}

		@Override
		public FollowupCase saveFired(FollowupCase followupCase) {
			Runnable first = this.competitor;
			this.competitor = null;
			if (first != null) {
				first.run();
			}
			return super.saveFired(followupCase);
		}

	}

}
