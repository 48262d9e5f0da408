package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.localstack.Service;

/**
 * The repository's docker compose stack (Kafka 4, MongoDB 8, the four service images),
 * brought up with {@code docker compose up -d --build --wait} unless already healthy and
 * taken down again at the end only then. Kafka on the loopback listener
 * {@code ops/compose/kafka-tools.yml} adds, the services on their published ports; the
 * credentials of {@link BenchCredentials#fromCompose}. CPU time of a service from its own
 * {@code process.cpu.time} (as the embedded stack's /proc reading: the JVM's); of kafka
 * and mongo, and every container's memory, from the container's cgroup.
 */
final class ComposeTarget implements BenchTarget {

	private static final String BOOTSTRAP_SERVERS = "localhost:29092";

	/**
	 * The stack, with Kafka published on the loopback for the load generator (the stack
	 * alone does not publish it).
	 */
	private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "ops/compose/kafka-tools.yml");

	private final Docker docker;

	private final BenchCredentials credentials;

	private final boolean startedHere;

	private final Map<String, String> containers;

	private final Path logs;

	private ComposeTarget(Docker docker, BenchCredentials credentials, boolean startedHere,
			Map<String, String> containers, Path logs) {
		this.docker = docker;
		this.credentials = credentials;
		this.startedHere = startedHere;
		this.containers = containers;
		this.logs = logs;
	}

	/**
	 * Checks docker, .env and the credentials first, then brings the stack up unless its
	 * six containers are already healthy.
	 * @param project the repository (docker-compose.yml, .env)
	 * @param environment the process environment (credentials)
	 * @return the running target
	 */
	static ComposeTarget start(Path project, Map<String, String> environment) throws IOException {
		Docker docker = new Docker("docker", project, COMPOSE_FILES).require();
		Path dotEnv = project.resolve(".env");
		if (!Files.isRegularFile(dotEnv)) {
			throw new IllegalStateException("--compose needs " + dotEnv.toAbsolutePath()
					+ ": create it with ops/make-env.sh and keep the credentials it prints (docs/BENCHMARKS.md)");
		}
		BenchCredentials credentials = BenchCredentials.fromCompose(environment, dotEnv);
		Map<String, String> composeServices = composeServices();
		boolean healthy = composeServices.values().stream().allMatch((name) -> healthy(docker, name));
		if (!healthy) {
			System.out.println("Bringing the compose stack up (docker compose up -d --build --wait)...");
			docker.runShowingOutput("compose", "up", "-d", "--build", "--wait");
		}
		else {
			// a stack started without ops/compose/kafka-tools.yml does not publish Kafka:
			// compose recreates the broker with its loopback listener (its data is on its
			// volume; the services reconnect), and changes nothing when it has it already
			System.out.println("Publishing Kafka on localhost:29092 (docker compose up -d --wait kafka)...");
			docker.runShowingOutput("compose", "up", "-d", "--wait", "kafka");
		}
		Map<String, String> containers = new LinkedHashMap<>();
		composeServices
			.forEach((process, composeService) -> containers.put(process, containerId(docker, composeService)));
		return new ComposeTarget(docker, credentials, !healthy, containers,
				Files.createTempDirectory("complaint-flow-bench"));
	}

	/** The compose service of each process the benchmark measures, by process name. */
	private static Map<String, String> composeServices() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			names.put(service.serviceName(), service.serviceName() + "-service");
		}
		names.put("kafka", "kafka");
		names.put("mongo", "mongo");
		return names;
	}

	private static String containerId(Docker docker, String composeService) {
		String id = docker.run("compose", "ps", "-q", composeService).strip();
		if (id.isEmpty()) {
			throw new IllegalStateException("compose service " + composeService + " is not running");
		}
		return id;
	}

	private static boolean healthy(Docker docker, String composeService) {
		try {
			return "healthy"
				.equals(docker.run("inspect", "-f", "{{.State.Health.Status}}", containerId(docker, composeService))
					.strip());
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	@Override
	public String description() {
		return "the docker compose stack (Kafka " + BOOTSTRAP_SERVERS + ", MongoDB 8, the service images); logs in "
				+ this.logs;
	}

	@Override
	public String bootstrapServers() {
		return BOOTSTRAP_SERVERS;
	}

	@Override
	public String url(Service service) {
		return "http://localhost:" + service.defaultPort();
	}

	@Override
	public BenchCredentials credentials() {
		return this.credentials;
	}

	@Override
	public Map<String, ProcessUsage> usage() {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>();
		this.containers.forEach((name, id) -> usage.put(name, ContainerUsage.of(this.docker, id)));
		for (Service service : Service.values()) {
			long cpuMillis = ServiceMetrics.cpuMillis(url(service), this.credentials.scrapePassword());
			usage.computeIfPresent(service.serviceName(),
					(name, container) -> new ProcessUsage(cpuMillis, container.rssMegabytes()));
		}
		return usage;
	}

	@Override
	public Path logs() {
		return this.logs;
	}

	@Override
	public void close() {
		if (this.startedHere) {
			System.out.println("Taking the compose stack down again (docker compose down; volumes kept)...");
			this.docker.runShowingOutput("compose", "down");
		}
	}

}
