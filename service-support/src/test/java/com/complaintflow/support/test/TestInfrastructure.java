package com.complaintflow.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.UUID;

import com.complaintflow.wireserver.WireServerBackends;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real Kafka broker (KRaft) and one MongoDB wire server per test JVM, shared by every
 * integration test; each test class gets its own database name so tests never see each
 * other's data.
 */
public final class TestInfrastructure {

	private static EmbeddedKafkaKraftBroker broker;

	private static MongoServer mongo;

	private static String mongoUri;

	private static MongoClient mongoClient;

	private TestInfrastructure() {
	}

	/** Starts the broker and the wire server on first use. */
	public static synchronized void start() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 3);
			broker.brokerProperty("auto.create.topics.enable", "true");
			// One broker: transactions (Kafka Streams' exactly_once_v2) need their state
			// log on it.
			broker.brokerProperty("transaction.state.log.replication.factor", "1");
			broker.brokerProperty("transaction.state.log.min.isr", "1");
			broker.afterPropertiesSet();
			// a benchmark too big for the heap keeps the documents in an H2 file instead
			String file = System.getProperty("complaintflow.test.wire-server-file");
			mongo = new MongoServer((file != null) ? WireServerBackends.h2File(file) : WireServerBackends.inMemory());
			mongoUri = "mongodb://" + hostAndPort(mongo.bind());
			// No shutdown hook stops them: Spring closes its cached test contexts in a
			// hook of its own, and their
			// listeners would wait for a broker that is already gone. They end with the
			// JVM.
		}
	}

	public static String bootstrapServers() {
		start();
		return broker.getBrokersAsString();
	}

	public static String mongoUri() {
		start();
		return mongoUri;
	}

	/**
	 * One client of the wire server for the tests that use it without a Spring context;
	 * like the server, it ends with the JVM.
	 * @return the shared client
	 */
	public static synchronized MongoClient mongoClient() {
		if (mongoClient == null) {
			mongoClient = MongoClients.create(mongoUri());
		}
		return mongoClient;
	}

	/**
	 * A template on a database of its own, so the test sees no other test's data.
	 * @param prefix what the database name starts with, naming the test
	 * @return the template, over the shared client
	 */
	public static MongoTemplate freshDatabase(String prefix) {
		return new MongoTemplate(mongoClient(), prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
	}

	/**
	 * A local port nothing listens on now (the system's pick of a free one), for a client
	 * that must find no server there.
	 * @return the port
	 */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Points a Spring test context at the shared broker and a fresh database.
	 * @param registry the test's dynamic properties
	 */
	public static void register(DynamicPropertyRegistry registry) {
		start();
		String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
		registry.add("spring.mongodb.uri", () -> mongoUri + "/" + database);
		registry.add("spring.mongodb.database", () -> database);
		registry.add("complaintflow.kafka.partitions", () -> 3);
	}

	private static String hostAndPort(java.net.InetSocketAddress address) {
		return address.getHostString() + ":" + address.getPort();
	}

}
