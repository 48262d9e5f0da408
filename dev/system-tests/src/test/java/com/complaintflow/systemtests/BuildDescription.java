package com.complaintflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code /actuator/info} (build and git data) and {@code /actuator/sbom} (the
 * CycloneDX SBOM) of every service: both answer operations and metrics accounts only, and
 * each describes its own service, also in the embedded stack where the four share one
 * classpath.
 */
final class BuildDescription {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RunningServices services;

	private final HttpClient http = HttpClient.newHttpClient();

	BuildDescription(RunningServices services) {
		this.services = services;
	}

	void assertInfoAndSbom() {
		boolean gitKnown = getClass().getClassLoader().getResource("git.properties") != null;
		for (Service service : Service.values()) {
			assertThat(get(service, "/actuator/info", null).statusCode()).as(service + " info without credentials")
				.isEqualTo(401);
			assertThat(get(service, "/actuator/sbom", null).statusCode()).as(service + " sbom without credentials")
				.isEqualTo(401);
			assertThat(get(service, "/actuator/info", "agent:agent-dev").statusCode()).as(service + " info for agents")
				.isEqualTo(403);

			JsonNode info = json(get(service, "/actuator/info", "ops:ops-dev"));
			assertThat(info.path("build").path("artifact").asString()).as(service + " build artifact")
				.isEqualTo(service.serviceName() + "-service");
			assertThat(info.path("build").path("version").asString()).isNotBlank();
			if (gitKnown) {
				assertThat(info.path("git").path("commit").path("id").asString()).as(service + " git commit")
					.isNotBlank();
			}

			JsonNode ids = json(get(service, "/actuator/sbom", "prometheus:prometheus-dev"));
			assertThat(ids.path("ids").toString()).contains("application");
			JsonNode sbom = json(get(service, "/actuator/sbom/application", "ops:ops-dev"));
			assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
			assertThat(sbom.path("components").toString()).contains("spring-boot");
			assertThat(sbom.path("metadata").path("component").path("name").asString()).as(service + " SBOM")
				.isEqualTo(service.serviceName() + "-service");
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(Service service, String path, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.services.url(service) + path)).GET();
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
