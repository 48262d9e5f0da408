package com.complaintflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run as a
 * child JVM from the Kafka jars on the classpath, with its log under a data directory so
 * topics survive a restart and the process can be killed.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private static final List<String> JVM_OPTIONS = List.of("-Xms256m", "-Xmx768m", "-XX:+UseG1GC");

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private Process process;

	/**
	 * @param directory where the broker keeps its log, configuration and output
	 * @param port the client port on localhost
	 * @param controllerPort the KRaft controller port on localhost
	 */
	public KafkaBroker(Path directory, int port, int controllerPort) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Formats the storage on first start, starts the broker and waits until it answers.
	 */
	public KafkaBroker start() {
		try {
			if (this.process == null && portOpen()) {
				throw new IllegalStateException("Port " + this.port + " is already in use: another broker is running");
			}
			Files.createDirectories(this.directory);
			Path config = writeConfig();
			if (!Files.exists(logDir().resolve("meta.properties"))) {
				format(config);
			}
			this.process = JavaProcess.start("kafka.Kafka", JVM_OPTIONS, List.of(config.toString()),
					this.directory.resolve("broker.log"));
			awaitReady();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** The child process, for tests that kill it. */
	public Process process() {
		return this.process;
	}

	/**
	 * Kills the broker with SIGKILL, as a crash would; {@link #start()} brings it back
	 * with its data.
	 */
	public void kill() {
		JavaProcess.kill(this.process);
	}

	@Override
	public void close() {
		JavaProcess.stop(this.process, 30);
	}

	private Path logDir() {
		return this.directory.resolve("log");
	}

	private Path writeConfig() throws IOException {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.bootstrap.servers", "localhost:" + this.controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", logDir().toString());
		properties.setProperty("num.partitions", "6");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "6");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		properties.setProperty("auto.create.topics.enable", "false");
		Path config = this.directory.resolve("server.properties");
		try (var out = Files.newBufferedWriter(config)) {
			properties.store(out, "complaint-flow local broker (KRaft)");
		}
		return config;
	}

	private void format(Path config) {
		Process formatter = JavaProcess.start("kafka.tools.StorageTool", JVM_OPTIONS,
				List.of("format", "--standalone", "-t", randomClusterId(), "-c", config.toString()),
				this.directory.resolve("format.log"));
		try {
			if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
				throw new IllegalStateException(
						"Formatting Kafka storage failed; see " + this.directory.resolve("format.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while formatting Kafka storage", ex);
		}
	}

	private void awaitReady() {
		Waiting.until("The Kafka broker (see " + this.directory.resolve("broker.log") + ")", START_TIMEOUT,
				this.process::isAlive, () -> portOpen() && clusterAnswers());
	}

	private boolean portOpen() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private boolean clusterAnswers() {
		try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Kafka's own random id: it never starts with '-', which the storage tool would read
	 * as an option (a URL-safe Base64 UUID does, one start in 64).
	 */
	private static String randomClusterId() {
		return org.apache.kafka.common.Uuid.randomUuid().toString();
	}

}
