package com.complaintflow.systemtests.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboards as operations get them: a real Grafana (the compose file's
 * image) provisioned from {@code ops/grafana} next to a real Prometheus (aliased
 * {@code prometheus}, as in compose) loads every committed dashboard, and every panel's
 * query runs through Grafana's query API without error. Runs where Docker exists, skipped
 * cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
class GrafanaDashboardsTests {

	private static final Path ROOT = repositoryRoot();

	private static final String PASSWORD = "grafana-test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	static final Network network = Network.newNetwork();

	@Container
	static final GenericContainer<?> prometheus = new GenericContainer<>(composeImage("prom/prometheus"))
		.withNetwork(network)
		.withNetworkAliases("prometheus")
		.withExposedPorts(9090)
		.waitingFor(Wait.forHttp("/-/ready").forStatusCode(200));

	@Container
	static final GenericContainer<?> grafana = new GenericContainer<>(composeImage("grafana/grafana"))
		.withNetwork(network)
		.dependsOn(prometheus)
		.withEnv("GF_SECURITY_ADMIN_PASSWORD", PASSWORD)
		.withCopyFileToContainer(MountableFile.forHostPath(ROOT.resolve("ops/grafana/provisioning")),
				"/etc/grafana/provisioning")
		.withCopyFileToContainer(MountableFile.forHostPath(ROOT.resolve("ops/grafana/dashboards")),
				"/var/lib/grafana/dashboards")
		.withExposedPorts(3000)
		.waitingFor(Wait.forHttp("/api/health").forStatusCode(200))
		.withStartupTimeout(Duration.ofMinutes(3));

	@Test
	void everyCommittedDashboardIsProvisioned() {
		List<String> committed = committedDashboards().stream()
			.map((dashboard) -> dashboard.get("uid").asString())
			.toList();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<String> provisioned = new ArrayList<>();
			get("/api/search?type=dash-db&tag=complaint-flow")
				.forEach((hit) -> provisioned.add(hit.get("uid").asString()));
			assertThat(provisioned).containsExactlyInAnyOrderElementsOf(committed);
		});
		assertThat(get("/api/datasources/uid/prometheus/health").get("status").asString()).isEqualTo("OK");
	}

	@Test
	void everyPanelQueryRunsWithoutError() {
		List<String> failures = new ArrayList<>();
		int queries = 0;
		for (JsonNode committed : committedDashboards()) {
			String uid = committed.get("uid").asString();
			JsonNode dashboard = await().atMost(Duration.ofSeconds(60))
				.ignoreExceptions()
				.until(() -> get("/api/dashboards/uid/" + uid).get("dashboard"), (found) -> found != null);
			for (JsonNode panel : dashboard.get("panels")) {
				for (JsonNode target : panel.get("targets")) {
					queries++;
					String problem = query(target);
					if (problem != null) {
						failures.add(uid + " / " + panel.get("title").asString() + " / " + target.get("expr").asString()
								+ ": " + problem);
					}
				}
			}
		}
		assertThat(queries).isPositive();
		assertThat(failures).as("panel queries that failed").isEmpty();
	}

	/** Runs one panel target through Grafana; null when it answered without error. */
	private static String query(JsonNode target) {
		ObjectNode query = ((ObjectNode) target.deepCopy()).put("intervalMs", 15_000).put("maxDataPoints", 500);
		ObjectNode body = JSON.createObjectNode().put("from", "now-1h").put("to", "now");
		body.putArray("queries").add(query);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/ds/query"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		if (response.statusCode() != 200) {
			return "HTTP " + response.statusCode() + " " + response.body();
		}
		JsonNode result = JSON.readTree(response.body()).path("results").path(target.get("refId").asString());
		if (result.isMissingNode()) {
			return "no result " + response.body();
		}
		return result.hasNonNull("error") ? result.get("error").asString() : null;
	}

	private static JsonNode get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			return HTTP.send(
					request.header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI uri(String path) {
		return URI.create("http://" + grafana.getHost() + ":" + grafana.getMappedPort(3000) + path);
	}

	private static List<JsonNode> committedDashboards() {
		try (Stream<Path> files = Files.list(ROOT.resolve("ops/grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().map((file) -> {
				try {
					return JSON.readTree(Files.readString(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The image docker-compose.yml runs, so the test follows the compose file's version.
	 */
	private static String composeImage(String name) {
		try {
			Matcher image = Pattern.compile("(?m)^\\s+image:\\s*(" + Pattern.quote(name) + ":\\S+)\\s*$")
				.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
			if (!image.find()) {
				throw new IllegalStateException("docker-compose.yml runs no " + name + " image");
			}
			return image.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.isDirectory(dir.resolve("ops/grafana/dashboards"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No ops/grafana/dashboards above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}

}
