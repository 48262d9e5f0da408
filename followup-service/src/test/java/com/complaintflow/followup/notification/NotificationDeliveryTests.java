package com.complaintflow.followup.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Language;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.MutableClock;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.support.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery adapter's polls against the MongoDB wire server and a real HTTP gateway (a
 * JDK HttpServer), on a clock the test moves: a notice finished but not moved (a crash or
 * a failed insert between its outcome and its move) is moved at the next poll and never
 * posted again, and a notice claimed late in a slow poll holds its lease for the whole
 * lease from its claim.
 */
class NotificationDeliveryTests {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private static MongoClient client;

	private final MongoTemplate mongo = new MongoTemplate(client,
			"delivery-" + UUID.randomUUID().toString().substring(0, 8));

	private final MutableClock clock = new MutableClock(MutableClock.START);

	private final WebhookReceiver gateway = WebhookReceiver.start(0);

	private final NotificationDelivery delivery = new NotificationDelivery(this.mongo,
			new NotificationSettings(URI.create(this.gateway.url()), Duration.ofMillis(100), Duration.ofMillis(100),
					Duration.ofMillis(400), REQUEST_TIMEOUT, ZoneId.of("Asia/Shanghai"), "10000", null),
			new OptOuts(this.mongo), this.clock, new SimpleMeterRegistry());

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@AfterEach
	void stopGateway() {
		this.gateway.close();
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

	private Notification pending() {
		NotificationRequested request = new NotificationRequested(UUID.randomUUID(), "followup", this.clock.instant(),
				"CMP-" + UUID.randomUUID(), "C-" + UUID.randomUUID(), ComplaintEvent.CURRENT_SCHEMA_VERSION,
				"case-" + UUID.randomUUID(), NotificationKind.ACCEPTED, Language.EN,
				"Your complaint has been accepted.", null);
		return this.mongo.insert(Notification.of(request), NotificationOutbox.OUTBOX);
	}

}
