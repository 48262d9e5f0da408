package com.complaintflow.followup.oncall;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-call delivery's polls and the outbox's enqueue against the MongoDB wire server
 * and two real HTTP receivers (JDK HttpServers), in the {@code EVENT} format, on a clock
 * the test moves: an alert claimed late in a slow poll holds its lease for the whole
 * lease from its claim; a reminder fired again after its alert was delivered (its broker
 * acknowledgement timed out) pages nobody again, also when the delivery moves the first
 * copy between the enqueue's check and its insert; an alert a receiver missed goes to the
 * receivers configured after a restart, not to one removed.
 */
class OnCallDeliveryTests {

	/**
	 * Long, because a poll ends after two request timeouts of real time and the tests
	 * expect one poll to deliver every alert, also on a loaded machine; no receiver here
	 * makes a post last that long (the slow ones move the test's clock instead).
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	private final String database = "oncall-" + UUID.randomUUID().toString().substring(0, 8);

	private final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), this.database);

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private final WebhookReceiver first = WebhookReceiver.start(0);

	private final WebhookReceiver second = WebhookReceiver.start(0);

	private final OnCallDelivery delivery = delivery();

	@AfterEach
	void stopReceivers() {
		this.first.close();
		this.second.close();
	}

	@Test
	void anAlertClaimedLateInASlowPollIsLeasedForTheWholeLeaseFromItsClaim() {
		// Given five alerts due, and receivers that take the whole request timeout to
		// answer each post
		OnCallOutbox outbox = new OnCallOutbox(this.mongo, this.delivery);
		List<String> ids = IntStream.range(0, 5).mapToObj((i) -> {
			ReminderRaised reminder = reminder();
			outbox.enqueue(reminder, "m-" + i);
			return reminder.eventId().toString();
		}).toList();
		Map<String, Duration> leaseLeftAtFirstPost = new ConcurrentHashMap<>();
		for (WebhookReceiver receiver : List.of(this.first, this.second)) {
			receiver.onEachPost((body) -> {
				String id = EventJson.mapper().readTree(body).get("eventId").asString();
				Document stored = this.mongo.findById(id, Document.class, "oncall_outbox");
				leaseLeftAtFirstPost.putIfAbsent(id,
						Duration.between(this.clock.instant(), stored.getDate("leaseUntil").toInstant()));
				this.clock.advance(REQUEST_TIMEOUT);
			});
		}

		// When one poll delivers them one after another, to both receivers
		this.delivery.deliverDue();

		// Then each was still leased for three request timeouts per receiver when it was
		// first posted, however late in the poll it was claimed
		assertThat(leaseLeftAtFirstPost.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(leaseLeftAtFirstPost.values()).containsOnly(REQUEST_TIMEOUT.multipliedBy(3 * 2));
		assertThat(this.first.accepted()).hasSize(ids.size());
		assertThat(this.second.accepted()).hasSize(ids.size());
	}

	@Test
	void aReminderFiredAgainAfterItsAlertWasDeliveredPagesNobodyAgain() {
		// Given a breach delivered to both receivers and moved to oncall_delivered
		ReminderRaised reminder = reminder();
		new OnCallOutbox(this.mongo, this.delivery).enqueue(reminder, "m-1");
		this.delivery.deliverDue();
		assertThat(this.mongo.exists(byId(reminder), OnCallDelivery.DELIVERED)).isTrue();
		// the delivered copy keeps no event (it names the customer)
		assertThat(this.mongo.findOne(byId(reminder), Document.class, OnCallDelivery.DELIVERED))
			.doesNotContainKey("eventJson");

		// When the reminder is fired again with the same id (its broker acknowledgement
		// timed out), and another instance polls whatever the enqueue inserts the moment
		// it is inserted
		OnCallDelivery other = delivery();
		new OnCallOutbox(racing(other::deliverDue), other).enqueue(reminder, "m-1");
		other.deliverDue();
		this.delivery.deliverDue();

		// Then nobody is paged again, and the outbox does not hold it
		assertThat(this.first.attempts()).isOne();
		assertThat(this.second.attempts()).isOne();
		assertThat(this.mongo.exists(byId(reminder), OnCallAlert.class)).isFalse();
	}

	@Test
	void aReminderFiredAgainWhileItsAlertIsMovedIsRemovedAgain() {
		// Given a breach kept and not delivered yet
		ReminderRaised reminder = reminder();
		new OnCallOutbox(this.mongo, this.delivery).enqueue(reminder, "m-1");

		// When the reminder is fired again and the first copy is delivered and moved
		// between the enqueue's check of oncall_delivered and its insert
		OnCallDelivery other = delivery();
		MongoTemplate movingAfterTheCheck = new MongoTemplate(TestInfrastructure.mongoClient(), this.database) {

			private Runnable competitor = other::deliverDue;

			@Override
			public boolean exists(Query query, String collectionName) {
				boolean exists = super.exists(query, collectionName);
				Runnable once = this.competitor;
				this.competitor = null;
				if (once != null) {
					once.run();
				}
				return exists;
			}

		};
		new OnCallOutbox(movingAfterTheCheck, other).enqueue(reminder, "m-1");
		this.delivery.deliverDue();

		// Then the copy it inserted is removed again, and each receiver was paged once
		assertThat(this.mongo.exists(byId(reminder), OnCallDelivery.DELIVERED)).isTrue();
		assertThat(this.mongo.exists(byId(reminder), OnCallAlert.class)).isFalse();
		assertThat(this.first.attempts()).isOne();
		assertThat(this.second.attempts()).isOne();
	}

	@Test
	void aNewPageIsPostedBeforeTheRenewalsOverdueBeforeIt() {
		// Given three alerts whose renewals have been due for a minute (as when one
		// receiver's timeouts slow every post down)
		OnCallOutbox outbox = new OnCallOutbox(this.mongo, this.delivery);
		for (int i = 0; i < 3; i++) {
			ReminderRaised firing = reminder();
			outbox.enqueue(firing, "m-" + i);
			this.mongo.updateFirst(byId(firing),
					new Update().set("status", OnCallStatus.FIRING).set("nextAttemptAt", this.clock.instant()),
					OnCallAlert.class);
		}
		// and two pages raised before, still PENDING because a receiver has not taken
		// them
		for (int i = 0; i < 2; i++) {
			ReminderRaised retried = reminder();
			outbox.enqueue(retried, "m-retried-" + i);
			this.mongo.updateFirst(byId(retried),
					new Update().set("attempts", 1).set("nextAttemptAt", this.clock.instant()), OnCallAlert.class);
		}
		this.clock.advance(Duration.ofMinutes(1));

		// When a breach is raised now and the delivery polls
		ReminderRaised fresh = reminder();
		outbox.enqueue(fresh, "m-new");
		this.delivery.deliverDue();

		// Then the new page is posted first
		assertThat(this.first.accepted()).hasSize(6);
		assertThat(EventJson.mapper().readTree(this.first.accepted().get(0)).get("eventId").asString())
			.isEqualTo(fresh.eventId().toString());
	}

	@Test
	void anAlertOneReceiverMissedGoesToTheReceiversConfiguredAfterARestart() {
		// Given a page the first receiver took and the second did not
		ReminderRaised reminder = missedBySecond();

		// When the service restarts with the second receiver replaced by a third, and
		// the retry is due
		try (WebhookReceiver third = WebhookReceiver.start(0)) {
			OnCallDelivery restarted = delivery(this.first, third);
			this.clock.advance(Duration.ofMinutes(10));
			restarted.deliverDue();

			// Then the third gets it, the second (no longer configured) is not posted to
			// again, the first (which has it) is not paged twice, and it is delivered
			assertThat(third.accepted()).singleElement()
				.satisfies((body) -> assertThat(EventJson.mapper().readTree(body).get("eventId").asString())
					.isEqualTo(reminder.eventId().toString()));
			assertThat(this.second.attempts()).isOne();
			assertThat(this.first.attempts()).isOne();
			assertThat(this.mongo.exists(byId(reminder), OnCallDelivery.DELIVERED)).isTrue();
		}
	}

	@Test
	void anAlertKeptBeforeItsReceiversWereRecordedGoesToEveryReceiverConfiguredNow() {
		// Given a page the second receiver missed, kept before an attempt recorded its
		// receivers
		ReminderRaised reminder = missedBySecond();
		this.mongo.updateFirst(byId(reminder), new Update().unset("receivers"), OnCallAlert.class);

		// When the service restarts with a third receiver beside the two
		try (WebhookReceiver third = WebhookReceiver.start(0)) {
			OnCallDelivery restarted = delivery(this.first, this.second, third);
			this.clock.advance(Duration.ofMinutes(10));
			restarted.deliverDue();

			// Then every receiver configured gets it: none is missed, the first twice
			assertThat(third.accepted()).hasSize(1);
			assertThat(this.second.accepted()).hasSize(1);
			assertThat(this.first.accepted()).hasSize(2);
			assertThat(this.mongo.exists(byId(reminder), OnCallDelivery.DELIVERED)).isTrue();
		}
	}

	@Test
	void withNoReceiverConfiguredTheWaitingAlertsShowInTheGauges() {
		// Given no webhook configured, and an alert raised
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OnCallDelivery unconfigured = new OnCallDelivery(this.mongo,
				new OnCallSettings(List.of(), OnCallSettings.Format.EVENT, Duration.ofMillis(100),
						Duration.ofMillis(100), Duration.ofMillis(400), REQUEST_TIMEOUT, null, null, null, null),
				new BreachCheck(new CaseStore(this.mongo, null)), this.clock, registry);
		new OnCallOutbox(this.mongo, unconfigured).enqueue(reminder(), "m-1");

		// When ten minutes pass with the poller running
		this.clock.advance(Duration.ofMinutes(10));
		unconfigured.deliverDue();

		// Then nobody was posted to, and the alert's wait shows (the alert on it can
		// fire)
		assertThat(this.first.attempts()).isZero();
		assertThat(registry.get("followup.oncall.outbox.pending").gauge().value()).isOne();
		assertThat(registry.get("followup.oncall.oldest.pending").gauge().value()).isEqualTo(600);
	}

	/**
	 * A page delivered to the first receiver and refused by the second, kept for its
	 * retry.
	 */
	private ReminderRaised missedBySecond() {
		ReminderRaised reminder = reminder();
		this.second.failNext(1);
		new OnCallOutbox(this.mongo, this.delivery).enqueue(reminder, "m-1");
		this.delivery.deliverDue();
		assertThat(this.first.accepted()).hasSize(1);
		assertThat(this.mongo.exists(byId(reminder), OnCallAlert.class)).isTrue();
		return reminder;
	}

	private OnCallDelivery delivery() {
		return delivery(this.first, this.second);
	}

	private OnCallDelivery delivery(WebhookReceiver... receivers) {
		OnCallSettings settings = new OnCallSettings(
				Stream.of(receivers).map((receiver) -> URI.create(receiver.url())).toList(),
				OnCallSettings.Format.EVENT, Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(400),
				REQUEST_TIMEOUT, null, null, null, null);
		return new OnCallDelivery(this.mongo, settings, new BreachCheck(new CaseStore(this.mongo, null)), this.clock,
				new SimpleMeterRegistry());
	}

	/** The database, through a template that runs this right after each insert. */
	private MongoTemplate racing(Runnable competitor) {
		return new MongoTemplate(TestInfrastructure.mongoClient(), this.database) {

			@Override
			public <T> T insert(T objectToSave) {
				T saved = super.insert(objectToSave);
				competitor.run();
				return saved;
			}

		};
	}

	private ReminderRaised reminder() {
		Instant at = this.clock.instant();
		return new ReminderRaised(UUID.randomUUID(), "followup", at, "CMP-" + UUID.randomUUID(),
				"C-" + UUID.randomUUID(), ComplaintEvent.CURRENT_SCHEMA_VERSION, "case-" + UUID.randomUUID(),
				MilestoneKind.FIRST_RESPONSE, ReminderKind.BREACH, EscalationLevel.AGENT, at, "network-bj",
				Priority.P2);
	}

	private static Query byId(ReminderRaised reminder) {
		return Query.query(Criteria.where("_id").is(reminder.eventId().toString()));
	}

}
