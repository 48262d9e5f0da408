package com.complaintflow.triage.decision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.model.training.Corrections;
import com.complaintflow.triage.model.training.LabelledExample;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The correction loop end to end: an agent corrects a decision, the correction is stored
 * with who and when, published as DecisionCorrected for analytics, and exported as a
 * labelled example the training command reads; bad corrections get problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class CorrectionLoopTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EventPublisher publisher;

	@TempDir
	Path dir;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Test
	void aCorrectionIsStoredPublishedAndBecomesTrainingInput() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill went up by 20 dollars this month and nobody told me why");
		try (KafkaTestConsumer corrections = new KafkaTestConsumer(Topics.CORRECTIONS)) {
			this.publisher.publishAndWait(complaint);
			JsonNode decision = awaitDecision(complaint.complaintId());
			String corrected = decision.path("playbook").asString().equals("STANDARD_CARE") ? "BILLING_ERROR"
					: "STANDARD_CARE";

			HttpResponse<String> response = post("/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections",
					"{\"field\":\"playbook\",\"value\":\"" + corrected + "\",\"note\":\"price rise, not an error\"}",
					"agent:agent-dev");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			JsonNode stored = EventJson.mapper().readTree(response.body());
			assertThat(stored.path("correctedBy").asString()).isEqualTo("agent");
			assertThat(stored.path("correctedAt").asString()).isNotBlank();
			assertThat(stored.path("previousValue").asString()).isEqualTo(decision.path("playbook").asString());
			DecisionCorrected event = await().atMost(WAIT)
				.until(() -> corrections.poll()
					.stream()
					.map(ConsumerRecord::value)
					.map((value) -> EventJson.mapper().readValue(value, DecisionCorrected.class))
					.filter((e) -> e.complaintId().equals(complaint.complaintId()))
					.toList(), (events) -> !events.isEmpty())
				.get(0);
			assertThat(event.field()).isEqualTo("playbook");
			assertThat(event.correctedValue()).isEqualTo(corrected);
			assertThat(event.correctedByRole()).isEqualTo("AGENT");
			assertThat(event.decidedBy()).isIn("hard-rule", "model", "rules");

			HttpResponse<String> export = get("/api/v1/triage/corrections", "supervisor:supervisor-dev");
			assertThat(export.statusCode()).isEqualTo(200);
			Path file = this.dir.resolve("corrections.jsonl");
			Files.writeString(file, export.body());
			List<LabelledExample> training = Corrections.read(file);
			assertThat(training).anySatisfy((example) -> {
				assertThat(example.key()).isEqualTo(complaint.complaintId());
				assertThat(example.text()).isEqualTo(complaint.description());
				assertThat(example.label("playbook")).isEqualTo(corrected);
				assertThat(example.source()).isEqualTo("correction:agent");
			});
		}
	}

	@Test
	void badCorrectionsAreAnsweredWithProblemDetails() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH", "The internet is down again");
		this.publisher.publishAndWait(complaint);
		awaitDecision(complaint.complaintId());
		String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections";

		HttpResponse<String> unknownField = post(path, "{\"field\":\"priority\",\"value\":\"P1\"}", "agent:agent-dev");
		HttpResponse<String> unknownValue = post(path, "{\"field\":\"category\",\"value\":\"WEATHER\"}",
				"agent:agent-dev");
		HttpResponse<String> noBody = post(path, "{}", "agent:agent-dev");
		HttpResponse<String> unknownComplaint = post("/api/v1/triage/decisions/nope/corrections",
				"{\"field\":\"category\",\"value\":\"BILLING\"}", "agent:agent-dev");
		HttpResponse<String> exportByAgent = get("/api/v1/triage/corrections", "agent:agent-dev");

		assertThat(List.of(unknownField, unknownValue, noBody)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		});
		assertThat(unknownComplaint.statusCode()).isEqualTo(404);
		assertThat(exportByAgent.statusCode()).isEqualTo(403);
	}

	private JsonNode awaitDecision(String complaintId) {
		return await().atMost(WAIT).until(() -> {
			HttpResponse<String> response = get("/api/v1/triage/decisions/" + complaintId, "ops:ops-dev");
			return (response.statusCode() == 200) ? EventJson.mapper().readTree(response.body()) : null;
		}, (node) -> node != null);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return this.http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String credentials) throws Exception {
		return this.http.send(request(path, credentials).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String credentials) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		builder.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		return builder;
	}

}
