package com.complaintflow.systemtests.build;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack is closed, checked from docker-compose.yml without a Docker engine:
 * only the HTTP services are published on every interface, the tools on the loopback,
 * Kafka and MongoDB not at all, on an internal network only the services join, MongoDB
 * with authentication; every credential is required from .env and no service runs with
 * the 'local' profile. Its Prometheus keeps the latency histograms' exemplars and Grafana
 * links their trace ids to Jaeger; Kafka keeps its data on its volume.
 */
class ComposeStackTests {

	private static final Set<String> HTTP_SERVICES = Set.of("intake-service", "triage-service", "followup-service",
			"analytics-service");

	private final BuildFiles files = BuildFiles.ofRepository();

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services() {
		Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(this.files.compose());
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void onlyTheHttpServicesArePublishedOnEveryInterface() {
		services().forEach((name, service) -> {
			@SuppressWarnings("unchecked")
			List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
			if (HTTP_SERVICES.contains(name)) {
				assertThat(ports).as(name).hasSize(1);
			}
			else {
				assertThat(ports).as(name + " publishes only on the loopback")
					.allMatch((port) -> port.startsWith("127.0.0.1:"));
			}
		});
		assertThat(services().get("mongo")).as("MongoDB is not published").doesNotContainKey("ports");
		assertThat(services().get("kafka")).as("Kafka (no authentication) is not published").doesNotContainKey("ports");
		assertThat(this.files.compose()).as("no listener for outside the stack").doesNotContain("EXTERNAL");
	}

	@Test
	@SuppressWarnings("unchecked")
	void kafkaAndMongoAreReachedOnlyByTheFourServices() {
		Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(this.files.compose());
		Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
		assertThat(networks.get("data")).containsEntry("internal", true);
		services().forEach((name, service) -> {
			List<String> joined = (List<String>) service.getOrDefault("networks", List.of("default"));
			if (name.equals("kafka") || name.equals("mongo")) {
				assertThat(joined).as(name).containsExactly("data");
			}
			else if (HTTP_SERVICES.contains(name)) {
				assertThat(joined).as(name).containsExactlyInAnyOrder("default", "data");
			}
			else {
				assertThat(joined).as(name + " (a tool) cannot reach Kafka or MongoDB").doesNotContain("data");
			}
		});
	}

	@Test
	void mongoRequiresAuthenticationAndEachServiceHasItsOwnUser() {
		String compose = this.files.compose();
		assertThat(compose).contains("MONGO_INITDB_ROOT_PASSWORD: ${MONGO_ROOT_PASSWORD:?");
		for (String db : List.of("intake", "triage", "followup", "analytics")) {
			assertThat(compose).contains("MONGODB_URI: mongodb://" + db + ":${" + db.toUpperCase() + "_DB_PASSWORD:?")
				.contains("@mongo:27017/" + db + "?authSource=" + db);
		}
	}

	@Test
	void everyCredentialIsRequiredAndNoServiceRunsWithTheLocalProfile() {
		String compose = this.files.compose();
		assertThat(compose).doesNotContain("SPRING_PROFILES_ACTIVE: docker,local")
			.contains("SPRING_PROFILES_ACTIVE: docker")
			.contains("GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?")
			.doesNotContainPattern(":-admin\\}|prometheus-dev|-dev-key");
		assertThat(this.files.root().resolve("ops/prometheus/prometheus.yml")).content()
			.doesNotContain("prometheus-dev")
			.contains("password_file");
		assertThat(this.files.root().resolve(".gitignore")).content().containsPattern("(?m)^\\.env$");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusKeepsExemplarsAndGrafanaLinksTheirTraceIdsToJaeger() {
		Map<String, Object> prometheus = services().get("prometheus");
		assertThat(String.valueOf(prometheus.get("entrypoint"))).contains("--enable-feature=exemplar-storage");
		assertThat(services()).containsKey("jaeger");
		Map<String, Object> provisioning = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(BuildFiles.read(this.files.root().resolve("ops/grafana/provisioning/datasources/prometheus.yml")));
		List<Map<String, Object>> datasources = (List<Map<String, Object>>) provisioning.get("datasources");
		Map<String, Object> jaeger = datasources.stream()
			.filter((datasource) -> "jaeger".equals(datasource.get("type")))
			.findFirst()
			.orElseThrow();
		assertThat(jaeger.get("url")).isEqualTo("http://jaeger:16686");
		Map<String, Object> jsonData = (Map<String, Object>) datasources.stream()
			.filter((datasource) -> "prometheus".equals(datasource.get("uid")))
			.findFirst()
			.orElseThrow()
			.get("jsonData");
		// the label Micrometer gives an exemplar's trace id (MetricsLint checks the
		// exposition)
		assertThat((List<Map<String, Object>>) jsonData.get("exemplarTraceIdDestinations"))
			.containsExactly(Map.of("name", "trace_id", "datasourceUid", jaeger.get("uid")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void kafkaKeepsItsDataOnItsVolumeWithAHeapBelowItsMemoryLimit() {
		Map<String, Object> kafka = services().get("kafka");
		Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
		assertThat((List<String>) kafka.get("volumes")).contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
		assertThat(String.valueOf(environment.get("KAFKA_HEAP_OPTS"))).contains("-Xmx512m");
		assertThat(kafka.get("mem_limit")).isEqualTo("1g");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusRunsWhateverTheServicesHealthSoItCanPageAboutThem() {
		Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services().get("prometheus")
			.get("depends_on");
		assertThat(dependsOn.values()).allMatch((condition) -> "service_started".equals(condition.get("condition")));
	}

}
