package com.complaintflow.systemtests.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.complaintflow.localstack.LocalStack;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every service publishes an OpenAPI 3.1 document to any account (none without), every
 * operation in it has a summary and a tag, answers its errors as problem details and, for
 * staff, names the roles it needs, and Spectral's {@code spectral:oas} ruleset (the
 * repository's {@code .spectral.yaml}) finds no error in any of them. The documents are
 * written to {@code target/api-docs/<service>.json}.
 */
@ExtendWith(SharedStack.class)
class ApiDocumentsTests {

	private static final Path OUT = Path.of("target/api-docs");

	static LocalStack stack;

	static Map<Service, JsonNode> documents;

	@BeforeAll
	static void readDocuments(LocalStack shared) throws IOException {
		stack = shared;
		documents = ApiDocuments.read(shared.services());
		Files.createDirectories(OUT);
		for (Map.Entry<Service, JsonNode> document : documents.entrySet()) {
			Files.writeString(OUT.resolve(document.getKey().serviceName() + ".json"),
					ApiDocuments.write(document.getValue()));
		}
	}

	@Test
	void everyServiceServesAnOpenApi31DocumentAndItsUiToAnAccountOnly() {
		for (Service service : Service.values()) {
			String url = stack.services().url(service);
			HttpResponse<String> ui = ApiDocuments.get(url + "/swagger-ui/index.html");
			assertThat(ui.statusCode()).as(service + " UI").isEqualTo(200);
			assertThat(ApiDocuments.getAnonymously(url + "/swagger-ui/index.html").statusCode())
				.as(service + " UI without credentials")
				.isEqualTo(401);
			assertThat(ApiDocuments.getAnonymously(url + "/v3/api-docs").statusCode())
				.as(service + " document without credentials")
				.isEqualTo(401);
			JsonNode document = documents.get(service);
			assertThat(document.path("openapi").asString()).as(service + " version").startsWith("3.1.");
			assertThat(document.path("paths").size()).as(service + " operations").isPositive();
		}
	}

	@Test
	void everyOperationHasASummaryATagAndProblemDetailErrors() {
		List<String> problems = new ArrayList<>();
		documents.forEach((service, document) -> document.path("paths")
			.properties()
			.forEach((path) -> path.getValue().properties().forEach((operation) -> {
				String where = service.serviceName() + " " + operation.getKey().toUpperCase(Locale.ROOT) + " "
						+ path.getKey();
				JsonNode op = operation.getValue();
				if (op.path("summary").asString("").isBlank() || op.path("tags").isEmpty()) {
					problems.add(where + ": no summary or tag");
				}
				op.path("responses").properties().forEach((response) -> {
					if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
						JsonNode content = response.getValue().path("content");
						if (content.size() != 1 || !content.has("application/problem+json")) {
							problems.add(where + " " + response.getKey() + ": not a problem detail");
						}
					}
				});
				if (!op.path("responses").has("401")) {
					problems.add(where + ": no 401");
				}
				if (!op.path("responses").path("503").path("headers").has("Retry-After")) {
					problems.add(where + ": a 503 without its Retry-After header");
				}
				JsonNode security = op.has("security") ? op.path("security") : document.path("security");
				if (security.toString().contains("staffBasic")
						&& !op.path("description").asString("").matches("(?s).*Roles: [A-Z, ]+\\..*")) {
					problems.add(where + ": a staff operation whose description does not name the roles it needs");
				}
			})));
		assertThat(problems).isEmpty();
	}

	@Test
	void theLimitsTheServicesCheckByHandAreDeclaredToo() {
		assertThat(parameter(Service.FOLLOWUP, "/api/v1/cases", "limit").path("schema").path("maximum").asInt())
			.isEqualTo(500);
		assertThat(parameter(Service.FOLLOWUP, "/api/v1/notifications", "customerId").path("schema")
			.path("maxLength")
			.asInt()).isEqualTo(128);
		assertThat(parameter(Service.ANALYTICS, "/api/v1/analytics/timeseries", "granularity").path("schema")
			.path("enum")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("hour", "day");
		assertThat(parameter(Service.ANALYTICS, "/api/v1/analytics/complaints", "limit").path("schema")
			.path("maximum")
			.asInt()).isEqualTo(200);
		assertThat(documents.get(Service.TRIAGE)
			.path("components")
			.path("schemas")
			.path("CorrectionRequest")
			.path("properties")
			.path("field")
			.path("enum")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("category", "persona", "playbook", "churnRisk");
		// the staff member the console account acts for: two headers, read by one
		// argument
		JsonNode role = parameter(Service.TRIAGE, "/api/v1/triage/review", "Staff-Role");
		assertThat(role.path("in").asString()).isEqualTo("header");
		assertThat(role.path("schema").path("enum").valueStream().map(JsonNode::asString)).containsExactly("AGENT",
				"SUPERVISOR");
		assertThat(parameter(Service.TRIAGE, "/api/v1/triage/review", "Staff-Login").path("schema")
			.path("pattern")
			.asString()).isEqualTo("[A-Za-z0-9._@-]{1,64}");
		assertThat(documents.get(Service.TRIAGE)
			.path("paths")
			.path("/api/v1/triage/review")
			.path("get")
			.path("parameters")
			.valueStream()
			.map((parameter) -> parameter.path("name").asString()))
			.containsExactlyInAnyOrder("field", "language", "from", "to", "limit", "Staff-Login", "Staff-Role");
	}

	private static JsonNode parameter(Service service, String path, String name) {
		for (JsonNode parameter : documents.get(service).path("paths").path(path).path("get").path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " of GET " + path + " in " + service);
	}

	@Test
	void spectralFindsNoErrorInAnyDocument() {
		assumeTrue(ApiTools.available(), "npm is not installed: Spectral cannot run (CI installs it)");
		List<String> files = new ArrayList<>();
		for (Service service : Service.values()) {
			files.add(OUT.toAbsolutePath().resolve(service.serviceName() + ".json").toString());
		}
		List<String> arguments = new ArrayList<>(List.of("lint", "--ruleset",
				ApiTools.ROOT.resolve(".spectral.yaml").toString(), "--format", "json", "--quiet"));
		arguments.addAll(files);
		ApiTools.Result lint = ApiTools.tool("spectral", arguments);
		String json = lint.output().substring(Math.max(0, lint.output().indexOf('[')));
		JsonNode findings = JsonMapper.builder().build().readTree(json);
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (JsonNode finding : findings) {
			String line = Path.of(finding.path("source").asString()).getFileName() + " "
					+ finding.path("code").asString() + " at " + finding.path("path") + ": "
					+ finding.path("message").asString();
			(finding.path("severity").asInt() == 0 ? errors : warnings).add(line);
		}
		System.out.printf("Spectral (spectral:oas) on %d documents: %d errors, %d warnings%n", files.size(),
				errors.size(), warnings.size());
		warnings.forEach((warning) -> System.out.println("  warning " + warning));
		assertThat(errors).as(lint.output()).isEmpty();
	}

}
