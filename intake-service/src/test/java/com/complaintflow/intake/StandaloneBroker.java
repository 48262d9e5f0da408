package com.complaintflow.intake;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, from the
 * Kafka jars on the test classpath, so a test can kill it with {@code kill -9} and start
 * it again on the same port with the same data. Its ports stay bound here, without a
 * listener, until it is closed: the broker's sockets bind them beside these (both allow
 * address reuse, and only one of them listens), and while it is down no other socket is
 * given them, so it restarts on the same ports.
 */
public final class StandaloneBroker implements AutoCloseable {

	private final Path directory;

	private final Path properties;

	private final int port;

	private final List<Socket> reservations = new ArrayList<>();

	private Process process;

	public StandaloneBroker() {
		try {
			this.directory = Files.createTempDirectory("intake-broker-");
			this.port = reservePort();
			int controllerPort = reservePort();
			this.properties = this.directory.resolve("server.properties");
			Files.writeString(this.properties,
					String.join("\n", "process.roles=broker,controller", "node.id=1",
							"controller.quorum.bootstrap.servers=localhost:" + controllerPort,
							"listeners=PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:"
									+ controllerPort,
							"advertised.listeners=PLAINTEXT://localhost:" + this.port,
							"controller.listener.names=CONTROLLER",
							"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
							"log.dirs=" + this.directory.resolve("data"), "offsets.topic.replication.factor=1",
							"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
							"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true", ""));
			run(List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c",
					this.properties.toString()), "format.log")
				.waitFor(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/** Starts the broker and waits until it answers. */
	public void start() {
		this.process = run(List.of("kafka.Kafka", this.properties.toString()), "broker-" + UUID.randomUUID() + ".log");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() == 1);
		}
	}

	/** Kills the broker like {@code kill -9}. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
		for (Socket reservation : this.reservations) {
			try {
				reservation.close();
			}
			catch (IOException ex) {
				// the port is released with the JVM anyway
			}
		}
	}

	private Process run(List<String> mainAndArgs, String log) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
		command.addAll(mainAndArgs);
		try {
			File output = this.directory.resolve(log).toFile();
			return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A free loopback port, kept bound (not listening) by this JVM until
	 * {@link #close()}.
	 */
	private int reservePort() throws IOException {
		Socket socket = new Socket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.reservations.add(socket);
		return socket.getLocalPort();
	}

}
