package com.complaintflow.followup.notification;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Language;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.support.erasure.ErasedCustomers;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * The delivery adapter's polls against the MongoDB wire server and a real HTTP gateway (a
 * JDK HttpServer), on a clock the test moves: a notice finished but not moved (a crash or
 * a failed insert between its outcome and its move) is moved at the next poll and never
 * posted again, a notice claimed late in a slow poll holds its lease for the whole lease
 * from its claim, and a notice whose customer is erased while it is moved is not written
 * back.
 */
class NotificationDeliveryTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	/** Runs once just before the next insert into {@code notification_delivered}. */
	private final AtomicReference<Runnable> beforeDeliveredInsert = new AtomicReference<>();

	private final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(),
			"delivery-" + UUID.randomUUID().toString().substring(0, 8)) {
		@Override
		public <T> T insert(T objectToSave, String collectionName) {
			Runnable before = NotificationOutbox.DELIVERED.equals(collectionName)
					? NotificationDeliveryTests.this.beforeDeliveredInsert.getAndSet(null) : null;
			if (before != null) {
				before.run();
			}
			return super.insert(objectToSave, collectionName);
		}
	};

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private final WebhookReceiver gateway = WebhookReceiver.start(0);

	private final ErasedCustomers erased = new ErasedCustomers(this.mongo, this.clock);

	private final NotificationDelivery delivery = new NotificationDelivery(this.mongo,
			new NotificationSettings(URI.create(this.gateway.url()), Duration.ofMillis(100), Duration.ofMillis(100),
					Duration.ofMillis(400), REQUEST_TIMEOUT, ZoneId.of("Asia/Shanghai"), "10000", null),
			new OptOuts(this.mongo), this.clock, new SimpleMeterRegistry(), this.erased);

	@AfterEach
	void stopGateway() {
		this.gateway.close();
	}

	@Test
	void aNoticeFinishedButNotMovedIsMovedAtTheNextPollAndNeverPostedAgain() {
		// Given notices left in the outbox with their outcome set, as an attempt that
		// stopped before moving them leaves them: one sent, one refused whose copy was
		// already moved (stopped before the remove), one suppressed for a customer who
		// has opted in again since
		Notification sent = finishedButNotMoved(NotificationStatus.DELIVERED, null);
		Notification refused = finishedButNotMoved(NotificationStatus.REJECTED, "HTTP 400");
		this.mongo.insert(this.mongo.findById(refused.getId(), Notification.class, NotificationOutbox.OUTBOX),
				NotificationOutbox.DELIVERED);
		Notification suppressed = finishedButNotMoved(NotificationStatus.SUPPRESSED, null);

		// When the next poll claims them
		this.delivery.deliverDue();

		// Then each is moved with its outcome, and the gateway gets nothing
		assertThat(this.gateway.attempts()).isZero();
		assertThat(this.mongo.findAll(Notification.class, NotificationOutbox.OUTBOX)).isEmpty();
		assertThat(this.mongo.findAll(Notification.class, NotificationOutbox.DELIVERED))
			.extracting(Notification::getId, Notification::getStatus, Notification::getAttempts)
			.containsExactlyInAnyOrder(tuple(sent.getId(), NotificationStatus.DELIVERED, 1),
					tuple(refused.getId(), NotificationStatus.REJECTED, 1),
					tuple(suppressed.getId(), NotificationStatus.SUPPRESSED, 0));
		this.delivery.deliverDue();
		assertThat(this.gateway.attempts()).isZero();
	}

	@Test
	void aNoticeClaimedLateInASlowPollIsLeasedForTheWholeLeaseFromItsClaim() {
		// Given ten notices due, and a gateway that takes the whole request timeout to
		// answer each
		List<String> ids = IntStream.range(0, 10).mapToObj((i) -> pending().getId()).toList();
		Map<String, Duration> leaseLeftWhilePosted = new ConcurrentHashMap<>();
		this.gateway.onEachPost((body) -> {
			String id = EventJson.mapper().readTree(body).get("id").asString();
			Document stored = this.mongo.findById(id, Document.class, NotificationOutbox.OUTBOX);
			leaseLeftWhilePosted.put(id,
					Duration.between(this.clock.instant(), stored.getDate("leaseUntil").toInstant()));
			this.clock.advance(REQUEST_TIMEOUT);
		});

		// When one poll delivers them one after another
		this.delivery.deliverDue();

		// Then each was still leased for three request timeouts when it was posted,
		// however late in the poll it was claimed
		assertThat(leaseLeftWhilePosted.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(leaseLeftWhilePosted.values()).containsOnly(REQUEST_TIMEOUT.multipliedBy(3));
	}

	@Test
	void aNoticeWhoseCustomerIsErasedWhileItIsMovedLeavesNoCopy() {
		// Given a notice due, and the customer's erasure running while it is moved (its
		// outcome recorded, its copy not inserted yet), as followup's erasers run it
		Notification notice = pending();
		this.beforeDeliveredInsert.set(() -> {
			this.erased.mark(notice.getCustomerId(), this.clock.instant());
			Query ofCustomer = Query.query(Criteria.where("customerId").is(notice.getCustomerId()));
			this.mongo.remove(ofCustomer, NotificationOutbox.OUTBOX);
			this.mongo.remove(ofCustomer, NotificationOutbox.DELIVERED);
		});

		// When the poll posts it and moves it
		this.delivery.deliverDue();

		// Then the move does not write the erased notice back
		assertThat(this.gateway.attempts()).isEqualTo(1);
		assertThat(this.mongo.findAll(Notification.class, NotificationOutbox.DELIVERED)).isEmpty();
		assertThat(this.mongo.findAll(Notification.class, NotificationOutbox.OUTBOX)).isEmpty();
	}

	private Notification pending() {
		NotificationRequested request = new NotificationRequested(UUID.randomUUID(), "followup", this.clock.instant(),
				"CMP-" + UUID.randomUUID(), "C-" + UUID.randomUUID(), ComplaintEvent.CURRENT_SCHEMA_VERSION,
				"case-" + UUID.randomUUID(), NotificationKind.ACCEPTED, Language.EN,
				"Your complaint has been accepted.", null);
		return this.mongo.insert(Notification.of(request), NotificationOutbox.OUTBOX);
	}

	/** A notice whose outcome was set as {@code finish} sets it, and not moved. */
	private Notification finishedButNotMoved(NotificationStatus status, String error) {
		Notification notice = pending();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.getId())),
				new Update().set("status", status)
					.set("finishedAt", this.clock.instant())
					.set("attempts", (status == NotificationStatus.SUPPRESSED) ? 0 : 1)
					.set("lastError", error)
					.set("leaseOwner", null)
					.set("leaseUntil", Instant.EPOCH),
				NotificationOutbox.OUTBOX);
		return notice;
	}

}
