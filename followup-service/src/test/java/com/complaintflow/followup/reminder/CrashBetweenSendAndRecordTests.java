package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Topics;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.ReminderRecords;
import com.complaintflow.followup.ReminderRecords.Received;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.followup.oncall.OnCallOutbox;
import com.complaintflow.followup.timer.TimerIndex;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

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
 * An instance that dies after the broker acknowledged a reminder but before recording it:
 * its lease expires, another instance raises the reminder again with the same event id
 * (which consumers drop), and records it once.
 */
@SpringBootTest(properties = "complaintflow.followup.timers.enabled=false")
@ActiveProfiles("local")
@Import(MutableClock.Config.class)
@DirtiesContext
class CrashBetweenSendAndRecordTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
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

	@Test
	void reminderSentButNotRecordedIsSentAgainWithTheSameEventIdAndRecordedOnce() {
		String complaintId = "CMP-" + UUID.randomUUID();
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, this.clock.instant()));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.store.findById(caseId).isPresent());
		ReminderFiring crashing = new ReminderFiring(new CrashingStore(this.mongo, this.timers), this.milestones,
				this.publisher, this.onCall, this.metrics, this.clock);
		try (KafkaTestConsumer reminders = new KafkaTestConsumer(Topics.REMINDERS)) {
			this.clock.advance(Duration.ofHours(12));
			assertThat(this.store.claim(caseId, "crashed", this.clock.instant(), leaseEnd(this.clock))).isPresent();

			assertThatIllegalStateException().isThrownBy(() -> crashing.fire(caseId, "crashed"));

			await().atMost(Duration.ofSeconds(20))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 1);
			FollowupCase afterCrash = this.store.findById(caseId).orElseThrow();
			assertThat(afterCrash.getMilestones().get(0).getNextStep()).isZero();
			assertThat(this.store.claim(caseId, "survivor", this.clock.instant(), leaseEnd(this.clock))).isEmpty();

			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.store.claim(caseId, "survivor", this.clock.instant(), leaseEnd(this.clock))).isPresent();
			assertThat(this.firing.fire(caseId, "survivor")).isEqualTo(1);

			await().atMost(Duration.ofSeconds(20))
				.until(() -> ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE").size() == 2);
			List<Received> sent = ReminderRecords.of(reminders, caseId, "FIRST_RESPONSE");
			assertThat(sent).extracting(Received::eventId).containsOnly(sent.get(0).eventId());
			assertThat(sent).extracting(Received::kindAndLevel).containsOnly("WARNING/AGENT");
			FollowupCase recorded = this.store.findById(caseId).orElseThrow();
			assertThat(recorded.getMilestones().get(0).getNextStep()).isEqualTo(1);
			assertThat(recorded.getLeaseOwner()).isNull();
			assertThat(recorded.getTimeline()).filteredOn((e) -> e.action().equals("REMINDER_WARNING")).hasSize(1);
		}
	}

	private static java.time.Instant leaseEnd(Clock clock) {
		return clock.instant().plus(Duration.ofSeconds(30));
	}

	/** A store whose process dies when it is about to record the reminders. */
	static class CrashingStore extends CaseStore {

		CrashingStore(MongoTemplate mongo, TimerIndex timers) {
			super(mongo, timers);
		}

		@Override
		public FollowupCase save(FollowupCase followupCase) {
			throw new IllegalStateException("killed between send and record");
		}

	}

}
