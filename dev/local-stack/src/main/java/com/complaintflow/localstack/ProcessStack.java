package com.complaintflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.FileSystemUtils;

/**
 * The multi-process stack: the MongoDB wire server, the Kafka broker and each service in
 * its own JVM, so that any of them can be killed with SIGKILL and restarted. Logs go to
 * {@code <data>/logs}.
 */
public final class ProcessStack implements AutoCloseable {

	/**
	 * For runs where start-up time matters more than peak speed (the interactive stack,
	 * fault injection).
	 */
	public static final List<String> FAST_START = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
			"-XX:TieredStopAtLevel=1");

	/** For benchmarks: the full JIT and a throughput collector. */
	public static final List<String> THROUGHPUT = List.of("-Xms256m", "-Xmx768m", "-XX:+UseParallelGC");

	private final Process mongo;

	private final int mongoPort;

	private final KafkaBroker broker;

	private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

	private ProcessStack(Process mongo, int mongoPort, KafkaBroker broker) {
		this.mongo = mongo;
		this.mongoPort = mongoPort;
		this.broker = broker;
	}

	/**
	 * Starts everything, each in its own process, and waits until every service is
	 * healthy.
	 * @param data where the broker log, the MongoDB file, analytics' state and the
	 * process logs live
	 * @param kafkaPort the broker's client port (its controller uses the next one)
	 * @param mongoPort the wire server's port
	 * @param servicePorts the port of each service
	 * @param extraProperties further properties for every service
	 * @param jvmOptions the services' JVM options, {@link #FAST_START} or
	 * {@link #THROUGHPUT}
	 * @return the running stack
	 */
	public static ProcessStack start(Path data, int kafkaPort, int mongoPort, Map<Service, Integer> servicePorts,
			List<String> extraProperties, List<String> jvmOptions) {
		Path logs = createDirectories(data.resolve("logs"));
		List<String> properties = new ArrayList<>(extraProperties);
		properties.add(RunningServices.analyticsStateIn(data));
		properties.add(RunningServices.triageLink(servicePorts.get(Service.TRIAGE)));
		Process mongo = JavaProcess.start(MongoWireServerMain.class.getName(), List.of("-Xmx1g"),
				List.of(data.resolve("mongo").toString(), String.valueOf(mongoPort)), logs.resolve("mongo.log"));
		ProcessStack stack = null;
		try {
			awaitPort(mongoPort, mongo);
			stack = new ProcessStack(mongo, mongoPort,
					new KafkaBroker(data.resolve("kafka"), kafkaPort, kafkaPort + 1));
			stack.broker.start();
			for (Service service : Service.values()) {
				stack.services.put(service, new ServiceProcess(service, servicePorts.get(service),
						stack.broker.bootstrapServers(), stack.mongoUri(), properties, jvmOptions, logs)
					.start());
			}
			stack.services.values().forEach(ServiceProcess::awaitHealthy);
			return stack;
		}
		catch (RuntimeException ex) {
			if (stack != null) {
				stack.close();
			}
			else {
				JavaProcess.stop(mongo, 10);
			}
			throw ex;
		}
	}

	public ServiceProcess service(Service service) {
		return this.services.get(service);
	}

	public List<ServiceProcess> services() {
		return new ArrayList<>(this.services.values());
	}

	public KafkaBroker broker() {
		return this.broker;
	}

	public String mongoUri() {
		return "mongodb://localhost:" + this.mongoPort;
	}

	/** The wire server's process id, for CPU and memory readings. */
	public long mongoPid() {
		return this.mongo.pid();
	}

	/**
	 * Kills a service with SIGKILL, starts it again and waits until it is healthy. Like a
	 * process supervisor (systemd, Kubernetes), it starts the service again when it exits
	 * during start-up, up to three times: a service may fail to start while its database
	 * is slow (intake's short MongoDB timeouts, for example).
	 */
	public void crashAndRestart(Service service) {
		ServiceProcess process = this.services.get(service);
		process.kill();
		for (int attempt = 1;; attempt++) {
			try {
				process.start().awaitHealthy();
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == 3 || process.isAlive()) {
					throw ex;
				}
				System.out.printf("  %s exited during start-up (attempt %d); starting it again%n",
						service.serviceName(), attempt);
			}
		}
	}

	/** Kills the broker with SIGKILL and starts it again on its data. */
	public void crashAndRestartBroker() {
		this.broker.kill();
		this.broker.start();
	}

	/**
	 * Stalls the database: SIGSTOP, then SIGCONT after the given time. Its sockets stay
	 * open and accept nothing, as with a database host that hangs.
	 */
	public void stallDatabase(Duration duration) {
		stall(this.mongo.pid(), duration);
	}

	/** Stalls the broker: SIGSTOP, then SIGCONT after the given time. */
	public void stallBroker(Duration duration) {
		stall(this.broker.process().pid(), duration);
	}

	private static void stall(long pid, Duration duration) {
		signal("STOP", pid);
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			signal("CONT", pid);
		}
	}

	private static void signal(String signal, long pid) {
		try {
			int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + exit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the services (producer first), then the broker, then the database. */
	@Override
	public void close() {
		List<Service> order = new ArrayList<>(this.services.keySet());
		java.util.Collections.reverse(order);
		order.forEach((service) -> this.services.get(service).stop());
		this.broker.close();
		JavaProcess.stop(this.mongo, 30);
	}

	/**
	 * Deletes the broker's log, the database's file and analytics' state under a stopped
	 * stack's data folder (gigabytes after a benchmark), keeping its process logs.
	 * @param data the folder the stack was started in
	 */
	public static void discardStores(Path data) {
		try {
			FileSystemUtils.deleteRecursively(data.resolve("kafka"));
			FileSystemUtils.deleteRecursively(data.resolve("mongo"));
			FileSystemUtils.deleteRecursively(data.resolve(RunningServices.ANALYTICS_STATE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createDirectories(Path directory) {
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitPort(int port, Process process) {
		Waiting.until("The MongoDB wire server on port " + port, Duration.ofSeconds(60), process::isAlive, () -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 200);
				return true;
			}
		});
	}

}
