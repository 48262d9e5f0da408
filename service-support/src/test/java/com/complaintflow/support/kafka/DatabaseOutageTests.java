package com.complaintflow.support.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import com.complaintflow.events.CaseClosed;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Topics;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;
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
 * listener pauses and retries until MongoDB is back, then every record is processed.
 */
@SpringBootTest(classes = DatabaseOutageTests.App.class,
		properties = { "spring.application.name=outage-test", "spring.kafka.consumer.group-id=outage-test",
				"complaintflow.mongodb.timeouts.server-selection=500ms", "complaintflow.mongodb.timeouts.connect=500ms",
				"complaintflow.mongodb.timeouts.read=1s", "complaintflow.kafka.transient-retry-max-interval=1s" })
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

		@KafkaListener(topics = Topics.REMINDERS)
		void on(ComplaintEvent event) {
			this.mongoTemplate.getCollection("handled").insertOne(new Document("_id", event.eventId().toString()));
		}

	}

}
