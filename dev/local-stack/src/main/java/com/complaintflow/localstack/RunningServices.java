package com.complaintflow.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services started in this JVM against one broker and one MongoDB server, each
 * in its own Spring context with its own port and database.
 */
public final class RunningServices implements AutoCloseable {

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);

	private final Map<Service, ConfigurableApplicationContext> contexts = new EnumMap<>(Service.class);

	private RunningServices() {
	}

	/**
	 * Starts every service (in parallel: they do not depend on each other at start-up)
	 * and waits until each reports healthy.
	 * @param bootstrapServers the Kafka bootstrap servers
	 * @param mongoUri the MongoDB connection string without a database
	 * @param randomPorts true for free ports (tests), false for the fixed ports 8081-8084
	 * @param profiles Spring profiles to activate, for example {@code local}
	 * @param extraProperties further properties for every service, as {@code key=value}
	 * @return the running services
	 */
	public static RunningServices start(String bootstrapServers, String mongoUri, boolean randomPorts,
			List<String> profiles, List<String> extraProperties) {
		QuietLogging.apply();
		RunningServices services = new RunningServices();
		ExecutorService starter = Executors.newFixedThreadPool(Service.values().length);
		try {
			// followup's console calls triage, so triage's port is known before it starts
			int triagePort = randomPorts ? freePort() : Service.TRIAGE.defaultPort();
			List<String> properties = new ArrayList<>(extraProperties);
			properties.add(triageLink(triagePort));
			Map<Service, Future<ConfigurableApplicationContext>> starting = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				int port = (service == Service.TRIAGE) ? triagePort : (randomPorts ? 0 : service.defaultPort());
				String[] arguments = arguments(service, bootstrapServers, mongoUri, port, properties);
				starting.put(service,
						starter.submit(() -> new SpringApplicationBuilder(service.application())
							.profiles(profiles.toArray(String[]::new))
							.run(arguments)));
			}
			RuntimeException failure = null;
			for (Map.Entry<Service, Future<ConfigurableApplicationContext>> entry : starting.entrySet()) {
				try {
					services.contexts.put(entry.getKey(), entry.getValue().get());
				}
				catch (ExecutionException ex) {
					failure = (failure != null) ? failure : new IllegalStateException(
							entry.getKey().serviceName() + " failed to start", ex.getCause());
				}
			}
			if (failure != null) {
				throw failure;
			}
			services.awaitHealthy();
			return services;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			services.close();
			throw new IllegalStateException("Interrupted while starting the services", ex);
		}
		catch (RuntimeException ex) {
			services.close();
			throw ex;
		}
		finally {
			starter.shutdown();
		}
	}

	/**
	 * A service's settings as command-line arguments, so they override its own
	 * application.yml.
	 */
	static String[] arguments(Service service, String bootstrapServers, String mongoUri, int port,
			List<String> extraProperties) {
		List<String> properties = new ArrayList<>();
		properties.add("spring.config.location=" + configLocation(service));
		properties.add("server.port=" + port);
		properties.add("spring.kafka.bootstrap-servers=" + bootstrapServers);
		properties.add("spring.mongodb.uri=" + mongoUri + "/" + service.serviceName());
		// One logging system serves the whole JVM: a service name in the pattern would
		// name whichever service
		// started last, so the logger's package (com.complaintflow.<service>) identifies
		// the service instead.
		properties.add("logging.include-application-name=false");
		properties.add("logging.pattern.correlation=[%X{traceId:-},%X{spanId:-}] ");
		properties.addAll(extraProperties);
		return properties.stream().map((property) -> "--" + property).toArray(String[]::new);
	}

	/**
	 * Analytics' Kafka Streams state under the stack's data folder, so it goes with the
	 * folder (a run's broker log and database) instead of a new temporary folder per
	 * start that a killed process leaves behind.
	 * @param data the stack's data folder
	 * @return the property, as {@code key=value}
	 */
	static String analyticsStateIn(java.nio.file.Path data) {
		return "spring.kafka.streams.state-dir=" + data.resolve(ANALYTICS_STATE).toAbsolutePath();
	}

	/**
	 * Where followup's console finds triage to send staff corrections.
	 * @param triagePort the port triage listens on
	 * @return the property, as {@code key=value}
	 */
	static String triageLink(int triagePort) {
		return "complaintflow.followup.console.triage.url=http://127.0.0.1:" + triagePort;
	}

	/**
	 * A port free now, for a service that others must know before it starts: below
	 * Linux's ephemeral range (32768 and up), so no outgoing connection of the stack
	 * takes it before the service binds it.
	 */
	private static int freePort() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = 20000 + ThreadLocalRandom.current().nextInt(12000);
			try (ServerSocket socket = new ServerSocket(port)) {
				return port;
			}
			catch (IOException taken) {
				// another one
			}
		}
		throw new IllegalStateException("No free port in 20000-31999");
	}

	/** The folder of analytics' Kafka Streams state in a stack's data folder. */
	static final String ANALYTICS_STATE = "analytics-state";

	/**
	 * The folder or jar of a service's own classes, so it reads its own
	 * {@code application.yml} and not the first one on the shared classpath.
	 */
	static String configLocation(Service service) {
		try {
			URI code = service.application().getProtectionDomain().getCodeSource().getLocation().toURI();
			String location = code.toString();
			return location.endsWith(".jar") ? "jar:" + location + "!/" : location;
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the classes of " + service.serviceName(), ex);
		}
	}

	/** The port a service listens on. */
	public int port(Service service) {
		return Integer.parseInt(this.contexts.get(service).getEnvironment().getProperty("local.server.port"));
	}

	/** The base URL of a service. */
	public String url(Service service) {
		return "http://localhost:" + port(service);
	}

	/** The Spring context of a service, for tests. */
	public ConfigurableApplicationContext context(Service service) {
		return this.contexts.get(service);
	}

	private void awaitHealthy() {
		for (Service service : this.contexts.keySet()) {
			HealthCheck.awaitUp(service.serviceName(), url(service), HEALTH_TIMEOUT,
					() -> this.contexts.get(service).isActive());
		}
	}

	/** Stops the services, the producer last so nothing it accepted is left unread. */
	@Override
	public void close() {
		List<Service> order = new ArrayList<>(this.contexts.keySet());
		java.util.Collections.reverse(order);
		for (Service service : order) {
			this.contexts.get(service).close();
		}
		this.contexts.clear();
	}

}
