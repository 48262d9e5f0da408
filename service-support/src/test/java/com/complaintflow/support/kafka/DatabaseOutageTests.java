package com.complaintflow.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Topics;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database outage longer than every bounded retry does not dead-letter anything: the
 * listener pauses and retries until MongoDB is back, then every record is processed. A
 * batch listener's record that was retried through an outage and then fails on its own
 * gets the bounded retries of such a failure, not the outage's unlimited ones.
 */
@SpringBootTest(classes = DatabaseOutageTests.App.class,
		properties = { "spring.application.name=outage-test", "spring.kafka.consumer.group-id=outage-test",
				"complaintflow.mongodb.timeouts.server-selection=500ms", "complaintflow.mongodb.timeouts.connect=500ms",
				"complaintflow.mongodb.timeouts.read=1s", "complaintflow.kafka.transient-retry-max-interval=1s",
				// as the services with batch listeners run
				"spring.kafka.listener.ack-mode=batch" })
@ActiveProfiles("local")
class DatabaseOutageTests {

	private static final String DATABASE = "outage";

	/**
	 * The wire server's port, bound here (never listening) for the whole class: the
	 * server binds it beside this socket (both allow address reuse, only the server
	 * listens), and while the server is down no other socket is given the port, so it
	 * comes back on the same one.
	 */
	private static final Socket reservation = reservePort();

	private static final InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
			reservation.getLocalPort());

	private static MongoServer mongo = started();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
		registry.add("spring.mongodb.uri",
				() -> "mongodb://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/" + DATABASE);
		registry.add("spring.mongodb.database", () -> DATABASE);
	}

	@AfterAll
	static void stop() throws IOException {
		mongo.shutdownNow();
		reservation.close();
	}

	@Autowired
	KafkaTemplate<Object, Object> template;

	@Autowired
	MongoTemplate mongoTemplate;

	@Autowired
	KafkaListenerEndpointRegistry registry;

	@Test
	void recordsWaitOutADatabaseOutageLongerThanTheBoundedRetriesAndNoneIsDeadLettered() {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.REMINDERS))) {
			// Given MongoDB is down
			mongo.shutdownNow();
			// When three events arrive
			List<ComplaintEvent> events = List.of(closed("1"), closed("2"), closed("3"));
			events.forEach((event) -> this.template.send(Topics.REMINDERS, event.customerId(), event));

			// Then the listener pauses between retries, and for longer than the bounded
			// retries would take (about 3 s) nothing reaches the dead-letter topic
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.registry.getAllListenerContainers()
					.stream()
					.anyMatch((container) -> container.isPauseRequested()));
			await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> dlt.poll().isEmpty());

			// And once MongoDB is back every event is stored and still none dead-lettered
			mongo = started();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.mongoTemplate.getCollection("handled").countDocuments() == events.size());
			assertThat(dlt.poll()).isEmpty();
		}
	}

	@Test
	void aRecordThatFailsOnItsOwnOnceAnOutageIsOverIsDeadLetteredAndTheRecordBehindItProcessed() {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.NOTIFICATIONS))) {
			// Given MongoDB is down while a poll holds a record that will fail on its own
			// (first) and a good one behind it, in one partition
			mongo.shutdownNow();
			CaseClosed failsOnItsOwn = closed(App.FAILS_ON_ITS_OWN);
			CaseClosed good = closed("good");
			this.template.send(Topics.NOTIFICATIONS, "one-customer", failsOnItsOwn);
			this.template.send(Topics.NOTIFICATIONS, "one-customer", good);
			// the poll's write fails, reported on its first record: an outage, retried
			// without limit
			await().atMost(Duration.ofSeconds(30)).until(() -> App.batchAttempts.get() >= 3);

			// When MongoDB is back, the first record fails for a reason of its own
			mongo = started();

			// Then it is retried a few times and dead-lettered, and the record behind
			// it is processed
			// the record behind it is processed
			await().atMost(Duration.ofSeconds(60))
				.until(() -> this.mongoTemplate.getCollection("handled-batch").countDocuments() == 1);
			List<String> deadLetters = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				dlt.poll().forEach((record) -> deadLetters.add(new String(record.value(), StandardCharsets.UTF_8)));
				return deadLetters.stream().anyMatch((value) -> value.contains(App.FAILS_ON_ITS_OWN));
			});
			// other test classes of this JVM may dead-letter on that topic too
			assertThat(deadLetters).filteredOn((value) -> value.contains(App.FAILS_ON_ITS_OWN)).hasSize(1);
			assertThat(deadLetters).noneMatch((value) -> value.contains(good.eventId().toString()));
		}
	}

	private static Socket reservePort() {
		try {
			Socket socket = new Socket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fresh, empty wire server on the reserved port. */
	private static MongoServer started() {
		MongoServer server = new MongoServer(WireServerBackends.inMemory());
		server.bind(address);
		return server;
	}

	private static CaseClosed closed(String n) {
		return new CaseClosed(EventMetadata.newEventId(), "test", EventMetadata.now(), "c-" + n, "cust-" + n, 1,
				"case-" + n, "agent", Outcome.RETAINED);
	}

	@SpringBootApplication
	static class App {

		@Autowired
		MongoTemplate mongoTemplate;

		static final String FAILS_ON_ITS_OWN = "fails-on-its-own";

		static final AtomicInteger batchAttempts = new AtomicInteger();

		@KafkaListener(topics = Topics.REMINDERS)
		void on(ComplaintEvent event) {
			this.mongoTemplate.getCollection("handled").insertOne(new Document("_id", event.eventId().toString()));
		}

		/** A batch listener as the services write them: a write of the whole poll. */
		@KafkaListener(topics = Topics.NOTIFICATIONS, groupId = "outage-test-batch", batch = "true")
		void onPoll(List<ConsumerRecord<String, ComplaintEvent>> records) {
			batchAttempts.incrementAndGet();
			BatchRecords.durably(records, "Marking the poll seen",
					() -> this.mongoTemplate.getCollection("seen-batch").insertOne(new Document()));
			BatchRecords.Leading<ComplaintEvent> read = BatchRecords.leading(records, (record) -> {
				ComplaintEvent event = BatchRecords.event(record, ComplaintEvent.class);
				if (event.complaintId().equals("c-" + FAILS_ON_ITS_OWN)) {
					throw new IllegalStateException("a failure only this record meets");
				}
				return event;
			});
			read.values()
				.forEach((event) -> this.mongoTemplate.getCollection("handled-batch")
					.insertOne(new Document("_id", event.eventId().toString())));
			read.rethrow(records, "Handling the record");
		}

	}

}
