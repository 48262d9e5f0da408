package com.complaintflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.springframework.util.FileSystemUtils;

/**
 * The embedded default: starts a real Kafka broker (KRaft, child JVM), a MongoDB wire
 * server (H2 files) and the four services on ports 8081-8084 with the development
 * profile, prints how to use them, and stops everything on Ctrl-C. Data lives under
 * {@code ./data} (or {@code COMPLAINTFLOW_DATA}); delete it to start afresh.
 */
public final class LocalStack implements AutoCloseable {

	private final MongoWireServer mongo;

	private final KafkaBroker broker;

	private final RunningServices services;

	private LocalStack(MongoWireServer mongo, KafkaBroker broker, RunningServices services) {
		this.mongo = mongo;
		this.broker = broker;
		this.services = services;
	}

	/**
	 * Starts the whole stack.
	 * @param dataDirectory where the broker log, the MongoDB file and analytics' state
	 * live
	 * @param kafkaPort the broker's client port (its controller uses the next port)
	 * @param mongoPort the wire server's port
	 * @param randomServicePorts free ports for the services instead of 8081-8084
	 * @param extraProperties further properties for every service
	 * @return the running stack
	 */
	public static LocalStack start(Path dataDirectory, int kafkaPort, int mongoPort, boolean randomServicePorts,
			List<String> extraProperties) {
		MongoWireServer mongo = MongoWireServer.persistent(dataDirectory.resolve("mongo")).start(mongoPort);
		KafkaBroker broker = null;
		try {
			broker = new KafkaBroker(dataDirectory.resolve("kafka"), kafkaPort, kafkaPort + 1).start();
			List<String> properties = new java.util.ArrayList<>(extraProperties);
			properties.add(RunningServices.analyticsStateIn(dataDirectory));
			RunningServices services = RunningServices.start(broker.bootstrapServers(), mongo.uri(), randomServicePorts,
					List.of("local"), properties);
			return new LocalStack(mongo, broker, services);
		}
		catch (RuntimeException ex) {
			if (broker != null) {
				broker.close();
			}
			mongo.close();
			throw ex;
		}
	}

	public RunningServices services() {
		return this.services;
	}

	public KafkaBroker broker() {
		return this.broker;
	}

	public String mongoUri() {
		return this.mongo.uri();
	}

	@Override
	public void close() {
		this.services.close();
		this.broker.close();
		this.mongo.close();
	}

	/**
	 * Runs the stack until Ctrl-C. With {@code --processes}, the MongoDB wire server, the
	 * broker and each service run as separate JVMs (logs under {@code <data>/logs}); by
	 * default the services share this JVM. With {@code --smoke}, it starts on a fresh
	 * temporary data directory, posts the README's complaint, waits until analytics has
	 * counted it, stops, and exits 0 (or 1 when anything failed).
	 * @param args {@code --processes} and/or {@code --smoke}, or nothing
	 * @throws Exception when interrupted while running, or the smoke data cannot be made
	 */
	public static void main(String[] args) throws Exception {
		QuietLogging.apply();
		long started = System.nanoTime();
		boolean smoke = List.of(args).contains("--smoke");
		Path data = smoke ? Files.createTempDirectory("complaint-flow-smoke")
				: Path.of(env("COMPLAINTFLOW_DATA", "data")).toAbsolutePath();
		int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
		int mongoPort = Integer.parseInt(env("MONGO_PORT", "27017"));
		boolean processes = List.of(args).contains("--processes");
		AutoCloseable stack;
		Function<Service, String> urls;
		String banner;
		if (processes) {
			java.util.Map<Service, Integer> ports = new java.util.EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				ports.put(service, service.defaultPort());
			}
			ProcessStack processStack = ProcessStack.start(data, kafkaPort, mongoPort, ports, List.of(),
					ProcessStack.FAST_START);
			stack = processStack;
			urls = (service) -> processStack.service(service).url();
			banner = Banner.text((service) -> processStack.service(service).url(),
					processStack.broker().bootstrapServers(), processStack.mongoUri(), data,
					Duration.ofNanos(System.nanoTime() - started), "one process each, logs in " + data.resolve("logs"));
		}
		else {
			LocalStack localStack = start(data, kafkaPort, mongoPort, false, List.of());
			stack = localStack;
			urls = localStack.services()::url;
			banner = Banner.text(localStack.services()::url, localStack.broker().bootstrapServers(),
					localStack.mongoUri(), data, Duration.ofNanos(System.nanoTime() - started), "services in one JVM");
		}
		if (smoke) {
			System.out.println(banner);
			runSmoke(stack, urls, data);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping complaint-flow...");
			try {
				stack.close();
			}
			catch (Exception ex) {
				System.err.println("Error while stopping: " + ex);
			}
			stopped.countDown();
		}, "local-stack-shutdown"));
		System.out.println(banner);
		stopped.await();
	}

	private static void runSmoke(AutoCloseable stack, Function<Service, String> urls, Path data) throws Exception {
		String outcome;
		try (stack) {
			outcome = new SmokeCheck(urls).run(Duration.ofSeconds(90));
		}
		catch (RuntimeException ex) {
			outcome = "SMOKE FAILED: " + ex.getMessage();
		}
		FileSystemUtils.deleteRecursively(data);
		System.out.println(outcome);
		System.exit(outcome.startsWith("SMOKE OK") ? 0 : 1);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
