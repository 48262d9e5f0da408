package com.complaintflow.triage.decision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.security.StaffDelegation;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.model.ModelVersion;
import com.complaintflow.triage.model.training.Corrections;
import com.complaintflow.triage.model.training.LabelledExample;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The correction loop end to end: an agent corrects a decision, the correction is stored
 * with who and when, published as DecisionCorrected for analytics, and exported as a
 * labelled example the training command reads; bad corrections get problem details; a
 * retried correction (with or without an Idempotency-Key) is recorded and published once,
 * a stored correction whose publish failed is published by its retry, and a key reused
 * for another correction is refused; a confirmation labels triage's own value;
 * supervisors list the least sure decisions not corrected or confirmed yet.
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

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private UntrainedLabelsGauge untrainedGauge;

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
			List<LabelledExample> training = Corrections.read(file).examples();
			assertThat(training).anySatisfy((example) -> {
				assertThat(example.key()).isEqualTo(complaint.complaintId());
				assertThat(example.text()).isEqualTo(complaint.description());
				assertThat(example.label("playbook")).isEqualTo(corrected);
				assertThat(example.source()).isEqualTo("correction:agent");
			});
		}
	}

	@Test
	void theSuggestionTakenIsKeptWithTheCorrectionInTheEventAndTheExport() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"I want to talk to someone about my account");
		try (KafkaTestConsumer corrections = new KafkaTestConsumer(Topics.CORRECTIONS)) {
			this.publisher.publishAndWait(complaint);
			JsonNode decision = awaitDecision(complaint.complaintId());
			Explanation explanation = EventJson.mapper().treeToValue(decision.path("explanation"), Explanation.class);
			String decided = decision.path("category").asString();
			// triage is unsure of this text's category: the console suggests the model's
			// other value
			assertThat(explanation.confidence().get("category")).isLessThan(Explanation.UNSURE_BELOW);
			String suggested = ModelAdvice.suggestion(explanation.signals(), "category", decided);
			assertThat(suggested).isNotNull().isNotEqualTo(decided);
			String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections";
			double taken = suggestions("category", "taken");

			HttpResponse<String> first = post(path, "{\"field\":\"category\",\"value\":\"" + suggested + "\"}",
					"agent:agent-dev");
			List<JsonNode> exported = exported(complaint.complaintId());
			String third = DecisionCorrected.FIELDS.get("category")
				.stream()
				.filter((value) -> !value.equals(decided) && !value.equals(suggested))
				.findFirst()
				.orElseThrow();
			HttpResponse<String> second = post(path, "{\"field\":\"category\",\"value\":\"" + third + "\"}",
					"supervisor:supervisor-dev");

			assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
			assertThat(EventJson.mapper().readTree(first.body()).path("suggestedValue").asString())
				.isEqualTo(suggested);
			assertThat(exported).singleElement()
				.satisfies((line) -> assertThat(line.path("suggestedValue").asString()).isEqualTo(suggested));
			assertThat(suggestions("category", "taken")).isEqualTo(taken + 1);
			// a second check: the console asks no more, so suggested nothing
			assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
			assertThat(EventJson.mapper().readTree(second.body()).path("suggestedValue").isNull()).isTrue();
			List<DecisionCorrected> events = awaitCorrected(corrections, complaint.complaintId(), 2);
			assertThat(events).extracting(DecisionCorrected::suggestedValue).containsExactly(suggested, null);
			Path file = this.dir.resolve("one-taken.jsonl");
			Files.writeString(file, exported.get(0).toString());
			assertThat(Corrections.read(file)).satisfies((read) -> {
				assertThat(read.suggested()).isEqualTo(1);
				assertThat(read.taken()).isEqualTo(1);
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

	@Test
	void aRetriedCorrectionIsRecordedAndPublishedOnce() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill went up by 20 dollars this month and nobody told me why");
		try (KafkaTestConsumer corrections = new KafkaTestConsumer(Topics.CORRECTIONS)) {
			this.publisher.publishAndWait(complaint);
			JsonNode decision = awaitDecision(complaint.complaintId());
			String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections";
			String playbook = "{\"field\":\"playbook\",\"value\":\""
					+ other(decision.path("playbook").asString(), "STANDARD_CARE", "BILLING_ERROR") + "\"}";
			String category = "{\"field\":\"category\",\"value\":\""
					+ other(decision.path("category").asString(), "BILLING", "NETWORK") + "\",\"note\":\"a bill\"}";
			String key = UUID.randomUUID().toString();
			String model = decision.path("explanation").path("modelVersion").asString();
			double playbooksCorrected = checks("playbook", "corrected", model);
			double categoriesCorrected = checks("category", "corrected", model);

			HttpResponse<String> unkeyed = post(path, playbook, "agent:agent-dev", null);
			HttpResponse<String> unkeyedAgain = post(path, playbook, "agent:agent-dev", null);
			HttpResponse<String> keyed = post(path, category, "agent:agent-dev", key);
			HttpResponse<String> keyedAgain = post(path, category, "agent:agent-dev", key);

			assertThat(List.of(unkeyed, unkeyedAgain, keyed, keyedAgain))
				.allSatisfy((response) -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
			assertThat(EventJson.mapper().readTree(unkeyedAgain.body()))
				.isEqualTo(EventJson.mapper().readTree(unkeyed.body()));
			assertThat(EventJson.mapper().readTree(keyedAgain.body()))
				.isEqualTo(EventJson.mapper().readTree(keyed.body()));
			assertThat(keyed.headers().firstValue("Idempotent-Replayed")).hasValue("false");
			assertThat(keyedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			assertThat(exported(complaint.complaintId())).hasSize(2);
			List<DecisionCorrected> events = awaitCorrected(corrections, complaint.complaintId(), 2);
			assertThat(events.stream().map(DecisionCorrected::eventId).distinct()).hasSize(2);
			assertThat(events.stream().map(DecisionCorrected::correctionId).distinct()).containsExactlyInAnyOrder(
					EventJson.mapper().readTree(unkeyed.body()).path("correctionId").asString(),
					EventJson.mapper().readTree(keyed.body()).path("correctionId").asString());
			// each correction counted once, under the English model that weighed in
			assertThat(model).contains("-en-");
			assertThat(checks("playbook", "corrected", model)).isEqualTo(playbooksCorrected + 1);
			assertThat(checks("category", "corrected", model)).isEqualTo(categoriesCorrected + 1);
		}
	}

	@Test
	void aLaterCorrectionSupersedesAnEarlierOneAndOneBackToTriagesValueUndoesIt() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill went up by 20 dollars this month and nobody told me why");
		this.publisher.publishAndWait(complaint);
		String decided = awaitDecision(complaint.complaintId()).path("category").asString();
		List<String> others = List.of("BILLING", "NETWORK", "PRODUCT")
			.stream()
			.filter((value) -> !value.equals(decided))
			.toList();
		String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections";

		HttpResponse<String> first = post(path, category(others.get(0)), "agent:agent-dev");
		HttpResponse<String> second = post(path, category(others.get(1)), "agent:agent-dev");
		HttpResponse<String> backToFirst = post(path, category(others.get(0)), "agent:agent-dev");
		HttpResponse<String> backToFirstRetried = post(path, category(others.get(0)), "agent:agent-dev");

		assertThat(List.of(first, second, backToFirst, backToFirstRetried))
			.allSatisfy((response) -> assertThat(response.statusCode()).as(response.body()).isEqualTo(201));
		assertThat(backToFirst.headers().firstValue("Idempotent-Replayed")).hasValue("false");
		assertThat(backToFirstRetried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(exported(complaint.complaintId())).singleElement()
			.satisfies((line) -> assertThat(line.path("value").asString()).isEqualTo(others.get(0)));

		HttpResponse<String> undo = post(path, category(decided), "agent:agent-dev");
		HttpResponse<String> undoAgain = post(path, category(decided), "agent:agent-dev");

		assertThat(undo.statusCode()).as(undo.body()).isEqualTo(201);
		assertThat(undoAgain.statusCode()).as(undoAgain.body()).isEqualTo(201);
		assertThat(undoAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(exported(complaint.complaintId())).singleElement()
			.satisfies((line) -> assertThat(line.path("value").asString()).isEqualTo(decided));
	}

	private static String category(String value) {
		return "{\"field\":\"category\",\"value\":\"" + value + "\"}";
	}

	@Test
	void theConsoleAccountCorrectsForTheStaffMemberItNamesAndOnlyForOne() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH", "The internet is down again");
		this.publisher.publishAndWait(complaint);
		JsonNode decision = awaitDecision(complaint.complaintId());
		String path = "/api/v1/triage/decisions/" + complaint.complaintId();
		String category = "{\"field\":\"category\",\"value\":\""
				+ other(decision.path("category").asString(), "BILLING", "NETWORK") + "\"}";
		String persona = "{\"field\":\"persona\"}";

		HttpResponse<String> forSupervisor = postWith(path + "/corrections", category, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "lin.wei", StaffDelegation.ROLE_HEADER, "SUPERVISOR"));
		HttpResponse<String> confirmedForAgent = postWith(path + "/confirmations", persona, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "chen", StaffDelegation.ROLE_HEADER, "AGENT"));
		HttpResponse<String> nobodyNamed = postWith(path + "/corrections", category, "console:console-dev", Map.of());
		HttpResponse<String> asOperations = postWith(path + "/confirmations", persona, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "chen", StaffDelegation.ROLE_HEADER, "OPERATIONS"));
		HttpResponse<String> oddLogin = postWith(path + "/confirmations", persona, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "chen wei", StaffDelegation.ROLE_HEADER, "AGENT"));
		HttpResponse<String> agentNamingAnother = postWith(path + "/confirmations", "{\"field\":\"churnRisk\"}",
				"agent:agent-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "lin.wei", StaffDelegation.ROLE_HEADER, "SUPERVISOR"));
		HttpResponse<String> consoleExports = get("/api/v1/triage/corrections", "console:console-dev");
		HttpResponse<String> consoleReads = get(path, "console:console-dev");

		assertThat(forSupervisor.statusCode()).as(forSupervisor.body()).isEqualTo(201);
		JsonNode supervisors = EventJson.mapper().readTree(forSupervisor.body());
		assertThat(supervisors.path("correctedBy").asString()).isEqualTo("lin.wei");
		assertThat(supervisors.path("role").asString()).isEqualTo("SUPERVISOR");
		assertThat(confirmedForAgent.statusCode()).as(confirmedForAgent.body()).isEqualTo(201);
		assertThat(EventJson.mapper().readTree(confirmedForAgent.body()).path("correctedBy").asString())
			.isEqualTo("chen");
		assertThat(List.of(nobodyNamed, asOperations, oddLogin)).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(EventJson.mapper().readTree(response.body()).path("title").asString())
				.isEqualTo("Staff member not named");
		});
		assertThat(agentNamingAnother.statusCode()).as(agentNamingAnother.body()).isEqualTo(201);
		JsonNode agents = EventJson.mapper().readTree(agentNamingAnother.body());
		assertThat(agents.path("correctedBy").asString()).isEqualTo("agent");
		assertThat(agents.path("role").asString()).isEqualTo("AGENT");
		assertThat(consoleExports.statusCode()).isEqualTo(403);
		assertThat(consoleReads.statusCode()).isEqualTo(403);
		assertThat(exported(complaint.complaintId())).extracting((line) -> line.path("correctedBy").asString())
			.containsExactlyInAnyOrder("lin.wei", "chen", "agent");
	}

	@Test
	void aKeyReusedForAnotherCorrectionIsRefused() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH", "The internet is down again");
		this.publisher.publishAndWait(complaint);
		JsonNode decision = awaitDecision(complaint.complaintId());
		String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections";
		String category = decision.path("category").asString();
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = post(path,
				"{\"field\":\"category\",\"value\":\"" + other(category, "BILLING", "NETWORK") + "\"}",
				"agent:agent-dev", key);
		HttpResponse<String> anotherValue = post(path,
				"{\"field\":\"category\",\"value\":\"" + other(category, "DEVICE", "PRODUCT") + "\"}",
				"agent:agent-dev", key);
		HttpResponse<String> anotherField = post(path, "{\"field\":\"churnRisk\",\"value\":\""
				+ other(decision.path("churnRisk").asString(), "HIGH", "LOW") + "\"}", "agent:agent-dev", key);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(List.of(anotherValue, anotherField)).allSatisfy((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(EventJson.mapper().readTree(response.body()).path("title").asString())
				.isEqualTo("Idempotency-Key reused");
		});
		assertThat(exported(complaint.complaintId())).hasSize(1);
	}

	@Test
	void aCorrectionStoredButNotPublishedIsPublishedByItsRetry() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill went up by 20 dollars this month and nobody told me why");
		try (KafkaTestConsumer corrections = new KafkaTestConsumer(Topics.CORRECTIONS)) {
			this.publisher.publishAndWait(complaint);
			JsonNode decision = awaitDecision(complaint.complaintId());
			String previous = decision.path("churnRisk").asString();
			CorrectionRequest body = new CorrectionRequest("churnRisk", other(previous, "HIGH", "LOW"), null);
			// the first request stored the correction, then the broker did not
			// acknowledge
			String id = CorrectionRecorder.id(null, "agent", complaint.complaintId(), body, null);
			this.mongo.insert(new Correction(id, complaint.complaintId(), complaint.customerId(), complaint.language(),
					complaint.description(), body.field(), previous, body.value(), "rules",
					Playbook.valueOf(decision.path("playbook").asString()), "agent", "AGENT", EventMetadata.now(), null,
					null));

			HttpResponse<String> retry = post("/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections",
					"{\"field\":\"churnRisk\",\"value\":\"" + body.value() + "\"}", "agent:agent-dev");

			assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
			assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			assertThat(EventJson.mapper().readTree(retry.body()).path("correctionId").asString()).isEqualTo(id);
			assertThat(awaitCorrected(corrections, complaint.complaintId(), 1)).singleElement()
				.satisfies((event) -> assertThat(event.eventId())
					.isEqualTo(EventMetadata.deterministicEventId("decision-corrected", id)));
			assertThat(exported(complaint.complaintId())).hasSize(1);
		}
	}

	@Test
	void theLeastSureDecisionsAreListedForReviewUntilCorrectedOrConfirmed() throws Exception {
		Instant from = Instant.now().minusSeconds(1);
		List<ComplaintReceived> complaints = List.of(
				TriageServiceIntegrationTests.complaint("GZ-TH",
						"I was charged twice for my March bill, refund the 30 dollars now"),
				TriageServiceIntegrationTests.complaint("GZ-TH", "Not happy with how things went lately, honestly"),
				TriageServiceIntegrationTests.complaint("GZ-TH", "我家的宽带从昨天开始断网了，一直连不上，快修"));
		Map<String, JsonNode> decided = new HashMap<>();
		for (ComplaintReceived complaint : complaints) {
			this.publisher.publishAndWait(complaint);
		}
		for (ComplaintReceived complaint : complaints) {
			decided.put(complaint.complaintId(), awaitDecision(complaint.complaintId()));
		}
		String range = "&from=" + from + "&to=" + Instant.now().plusSeconds(1);

		List<JsonNode> listed = review("field=category&limit=200" + range);

		assertThat(listed).extracting((item) -> item.path("confidence").asDouble()).isSorted();
		List<JsonNode> ours = listed.stream()
			.filter((item) -> decided.containsKey(item.path("complaintId").asString()))
			.toList();
		assertThat(ours).hasSize(3).allSatisfy((item) -> {
			JsonNode decision = decided.get(item.path("complaintId").asString());
			assertThat(item.path("value").asString()).isEqualTo(decision.path("category").asString());
			assertThat(item.path("confidence").asDouble())
				.isEqualTo(decision.path("explanation").path("confidence").path("category").asDouble());
			assertThat(item.path("decidedBy").asString()).isIn("hard-rule", "model", "rules");
			assertThat(item.path("playbook").asString()).isEqualTo(decision.path("playbook").asString());
			assertThat(item.path("signals")).isNotEmpty().isEqualTo(decision.path("explanation").path("signals"));
		});
		assertThat(ours).extracting((item) -> item.path("text").asString())
			.containsExactlyInAnyOrderElementsOf(complaints.stream().map(ComplaintReceived::description).toList());
		assertThat(review("field=category&language=ZH&limit=200" + range))
			.allSatisfy((item) -> assertThat(item.path("language").asString()).isEqualTo("zh"))
			.extracting((item) -> item.path("complaintId").asString())
			.contains(complaints.get(2).complaintId())
			.doesNotContain(complaints.get(0).complaintId(), complaints.get(1).complaintId());

		String corrected = ours.get(0).path("complaintId").asString();
		String value = other(ours.get(0).path("value").asString(), "SERVICE_QUALITY", "PRODUCT");
		assertThat(post("/api/v1/triage/decisions/" + corrected + "/corrections",
				"{\"field\":\"category\",\"value\":\"" + value + "\"}", "supervisor:supervisor-dev")
			.statusCode()).isEqualTo(201);

		assertThat(review("field=category&limit=200" + range)).extracting((item) -> item.path("complaintId").asString())
			.doesNotContain(corrected)
			.containsAll(ours.stream().skip(1).map((item) -> item.path("complaintId").asString()).toList());
		assertThat(review("field=playbook&limit=200" + range)).extracting((item) -> item.path("complaintId").asString())
			.contains(corrected);

		String confirmed = ours.get(1).path("complaintId").asString();
		assertThat(post("/api/v1/triage/decisions/" + confirmed + "/confirmations", "{\"field\":\"category\"}",
				"supervisor:supervisor-dev")
			.statusCode()).isEqualTo(201);

		assertThat(review("field=category&limit=200" + range)).extracting((item) -> item.path("complaintId").asString())
			.doesNotContain(corrected, confirmed)
			.contains(ours.get(2).path("complaintId").asString());
		assertThat(exported(confirmed)).singleElement()
			.satisfies((line) -> assertThat(line.path("value").asString())
				.isEqualTo(ours.get(1).path("value").asString()));
	}

	@Test
	void theReviewReadsPastHundredsOfCheckedDecisionsToTheFirstUncheckedOnes() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill is wrong again this month, fix it");
		this.publisher.publishAndWait(complaint);
		awaitDecision(complaint.complaintId());
		StoredDecision decided = this.mongo.findById(complaint.complaintId(), StoredDecision.class);
		Instant start = Instant.parse("2021-03-01T00:00:00Z");
		String run = "REVIEW-" + UUID.randomUUID() + "-";
		List<StoredDecision> decisions = new ArrayList<>();
		List<Correction> checks = new ArrayList<>();
		for (int i = 0; i < 450; i++) {
			decisions.add(new StoredDecision(run + i, decided.customerId(), decided.regionCode(), start.plusSeconds(i),
					decided.category(), decided.playbook(), null, decided.eventJson(), decided.language(),
					decided.text(), Map.of("category", "model"), Map.of("category", i / 1000.0)));
			if (i < 430) {
				checks.add(new Correction(run + "check-" + i, run + i, decided.customerId(), decided.language(),
						decided.text(), "category", "BILLING", "BILLING", "model", decided.playbook(), "supervisor",
						"SUPERVISOR", start.plusSeconds(i), null, null));
			}
		}
		this.mongo.insertAll(decisions);
		this.mongo.insertAll(checks);
		try {
			// the 430 least sure are checked: the list reads three batches of 200 to find
			// the 20 after them
			List<JsonNode> listed = review("field=category&limit=20&from=" + start + "&to=" + start.plusSeconds(450));

			assertThat(listed).extracting((item) -> item.path("complaintId").asString())
				.containsExactlyElementsOf(IntStream.range(430, 450).mapToObj((i) -> run + i).toList());
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("complaintId").regex("^" + run)), Correction.class);
			this.mongo.remove(Query.query(Criteria.where("_id").regex("^" + run)), StoredDecision.class);
		}
	}

	@Test
	void aConfirmationIsStoredAndPublishedOnceAsACorrectionToTriagesOwnValue() throws Exception {
		ComplaintReceived complaint = TriageServiceIntegrationTests.complaint("GZ-TH",
				"My bill went up by 20 dollars this month and nobody told me why");
		try (KafkaTestConsumer corrections = new KafkaTestConsumer(Topics.CORRECTIONS)) {
			this.publisher.publishAndWait(complaint);
			JsonNode decision = awaitDecision(complaint.complaintId());
			String decided = decision.path("persona").asString();
			String path = "/api/v1/triage/decisions/" + complaint.complaintId() + "/confirmations";
			String model = decision.path("explanation").path("modelVersion").asString();
			double personasConfirmed = checks("persona", "confirmed", model);

			HttpResponse<String> confirmed = post(path, "{\"field\":\"persona\",\"note\":\"read it\"}",
					"agent:agent-dev");
			HttpResponse<String> retried = post(path, "{\"field\":\"persona\",\"note\":\"read it\"}",
					"agent:agent-dev");

			assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
			assertThat(confirmed.headers().firstValue("Idempotent-Replayed")).hasValue("false");
			assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
			assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			JsonNode stored = EventJson.mapper().readTree(confirmed.body());
			assertThat(stored.path("value").asString()).isEqualTo(decided);
			assertThat(stored.path("previousValue").asString()).isEqualTo(decided);
			assertThat(stored.path("correctedBy").asString()).isEqualTo("agent");
			List<DecisionCorrected> events = awaitCorrected(corrections, complaint.complaintId(), 1);
			assertThat(events.stream().map(DecisionCorrected::eventId).distinct()).hasSize(1);
			assertThat(events.get(0).field()).isEqualTo("persona");
			assertThat(events.get(0).correctedValue()).isEqualTo(decided).isEqualTo(events.get(0).previousValue());
			assertThat(checks("persona", "confirmed", model)).isEqualTo(personasConfirmed + 1);
			Path file = this.dir.resolve("confirmed.jsonl");
			Files.writeString(file, get("/api/v1/triage/corrections", "supervisor:supervisor-dev").body());
			assertThat(Corrections.read(file).examples())
				.filteredOn((example) -> example.key().equals(complaint.complaintId()))
				.singleElement()
				.satisfies((example) -> assertThat(example.label("persona")).isEqualTo(decided));

			// correcting to triage's own value is still refused, and says how to confirm
			HttpResponse<String> sameValue = post(
					"/api/v1/triage/decisions/" + complaint.complaintId() + "/corrections",
					"{\"field\":\"category\",\"value\":\"" + decision.path("category").asString() + "\"}",
					"agent:agent-dev");
			assertThat(sameValue.statusCode()).isEqualTo(422);
			assertThat(sameValue.body()).contains("/confirmations");
			assertThat(post(path, "{\"field\":\"priority\"}", "agent:agent-dev").statusCode()).isEqualTo(400);
			assertThat(post(path, "{}", "agent:agent-dev").statusCode()).isEqualTo(400);
			assertThat(post("/api/v1/triage/decisions/nope/confirmations", "{\"field\":\"persona\"}", "agent:agent-dev")
				.statusCode()).isEqualTo(404);
			assertThat(post(path, "{\"field\":\"category\"}", "ops:ops-dev").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void theReviewListIsForSupervisorsAndRefusesBadRequestsWithProblemDetails() throws Exception {
		assertThat(get("/api/v1/triage/review?field=category", "agent:agent-dev").statusCode()).isEqualTo(403);
		String review = "/api/v1/triage/review?field=category";
		assertThat(getWith(review, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "lin.wei", StaffDelegation.ROLE_HEADER, "SUPERVISOR"))
			.statusCode()).isEqualTo(200);
		assertThat(getWith(review, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "chen", StaffDelegation.ROLE_HEADER, "AGENT"))
			.statusCode()).isEqualTo(403);
		assertThat(getWith(review, "console:console-dev", Map.of()).statusCode()).isEqualTo(400);
		assertThat(
				this.http
					.send(HttpRequest
						.newBuilder(
								URI.create("http://localhost:" + this.port + "/api/v1/triage/review?field=category"))
						.GET()
						.build(), HttpResponse.BodyHandlers.ofString())
					.statusCode())
			.isEqualTo(401);
		for (String query : List.of("field=priority", "field=category&limit=0", "field=category&limit=201",
				"field=category&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z",
				"field=category&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", "field=category&from=yesterday",
				"field=category&language=FR", "limit=5")) {
			HttpResponse<String> response = get("/api/v1/triage/review?" + query, "supervisor:supervisor-dev");
			assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Test
	void anExportLargerThanABatchHoldsTheLastWordOnEachFieldOnce() throws Exception {
		String prefix = "CMP-export-" + UUID.randomUUID() + "-";
		int complaints = 2 * CorrectionExport.BATCH + 50;
		Instant start = Instant.parse("2020-01-01T00:00:00Z");
		for (int i = 0; i < complaints; i++) {
			// each complaint's category corrected twice (the older stored last) and its
			// persona once
			this.mongo.insert(correction(prefix + i, "category", "NETWORK", start.plusSeconds(i + 1), "text " + i));
			this.mongo.insert(correction(prefix + i, "category", "BILLING", start.plusSeconds(i), "text " + i));
			this.mongo.insert(correction(prefix + i, "persona", "VENTING", start.plusSeconds(i), "text " + i));
		}
		this.mongo.insert(correction(prefix + "untexted", "category", "NETWORK", start, null));

		HttpResponse<String> export = get("/api/v1/triage/corrections", "supervisor:supervisor-dev");

		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_NDJSON_VALUE));
		List<JsonNode> lines = export.body()
			.lines()
			.map((line) -> EventJson.mapper().readTree(line))
			.filter((line) -> line.path("complaintId").asString().startsWith(prefix))
			.toList();
		assertThat(lines).hasSize(2 * complaints);
		Map<String, String> categories = new HashMap<>();
		for (JsonNode line : lines) {
			String complaintId = line.path("complaintId").asString();
			String field = line.path("field").asString();
			assertThat(line.path("text").asString()).isEqualTo("text " + complaintId.substring(prefix.length()));
			if (field.equals("category")) {
				assertThat(categories.put(complaintId, line.path("value").asString())).as(complaintId).isNull();
			}
			else {
				assertThat(line.path("value").asString()).isEqualTo("VENTING");
			}
		}
		assertThat(categories).hasSize(complaints).allSatisfy((id, value) -> assertThat(value).isEqualTo("NETWORK"));
	}

	@Test
	void theLabelsGivenSinceTheModelInForceWasTrainedAreCountedEachFieldOnce() throws Exception {
		JsonNode english = untrained(Language.EN);
		Instant trainedAt = Instant.parse(english.path("trainedAt").asString());
		assertThat(english.path("modelVersion").asString()).startsWith(ModelVersion.stamp(trainedAt) + "-en-");
		long englishBefore = english.path("labels").asLong();
		long chineseBefore = untrained(Language.ZH).path("labels").asLong();
		String prefix = "CMP-untrained-" + UUID.randomUUID() + "-";
		// since the training: a category corrected twice and a persona, two labels
		this.mongo.insert(correction(prefix + 1, "category", "NETWORK", trainedAt.plusSeconds(60), "text"));
		this.mongo.insert(correction(prefix + 1, "category", "BILLING", trainedAt.plusSeconds(120), "text"));
		this.mongo.insert(correction(prefix + 1, "persona", "VENTING", trainedAt.plusSeconds(60), "text"));
		// before it, and one without its text (which the export leaves out): none
		this.mongo.insert(correction(prefix + 2, "category", "NETWORK", trainedAt.minusSeconds(60), "text"));
		this.mongo.insert(correction(prefix + 3, "category", "NETWORK", trainedAt.plusSeconds(60), null));

		assertThat(untrained(Language.EN).path("labels").asLong()).isEqualTo(englishBefore + 2);
		assertThat(untrained(Language.ZH).path("labels").asLong()).isEqualTo(chineseBefore);
		// and the gauge the retraining alert reads says the same once counted
		this.untrainedGauge.refresh();
		assertThat(this.meters.get("triage.corrections.untrained").tag("language", "EN").gauge().value())
			.isEqualTo(untrained(Language.EN).path("labels").asDouble());
		assertThat(this.meters.get("triage.corrections.untrained").tag("language", "ZH").gauge().value())
			.isEqualTo(untrained(Language.ZH).path("labels").asDouble());
		String path = "/api/v1/triage/corrections/untrained";
		assertThat(get(path, "agent:agent-dev").statusCode()).isEqualTo(403);
		assertThat(get(path, "prometheus:prometheus-dev").statusCode()).isEqualTo(403);
		// the console asks for a supervisor it names (its review page), for nobody else
		HttpResponse<String> forSupervisor = getWith(path, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "lin.wei", StaffDelegation.ROLE_HEADER, "SUPERVISOR"));
		assertThat(forSupervisor.statusCode()).isEqualTo(200);
		assertThat(count(forSupervisor, Language.EN).path("labels").asLong()).isEqualTo(englishBefore + 2);
		assertThat(getWith(path, "console:console-dev",
				Map.of(StaffDelegation.LOGIN_HEADER, "chen", StaffDelegation.ROLE_HEADER, "AGENT"))
			.statusCode()).isEqualTo(403);
		assertThat(getWith(path, "console:console-dev", Map.of()).statusCode()).isEqualTo(400);
		// read through an index on the language and the time, not by scanning every label
		assertThat(this.mongo.indexOps("corrections").getIndexInfo())
			.anySatisfy((index) -> assertThat(index.getIndexFields()).extracting(IndexField::getKey)
				.containsExactly("language", "correctedAt"));
	}

	private JsonNode untrained(Language language) throws Exception {
		HttpResponse<String> response = get("/api/v1/triage/corrections/untrained", "ops:ops-dev");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return count(response, language);
	}

	private static JsonNode count(HttpResponse<String> response, Language language) {
		for (JsonNode count : EventJson.mapper().readTree(response.body())) {
			if (count.path("language").asString().equalsIgnoreCase(language.name())) {
				return count;
			}
		}
		throw new AssertionError("No count for " + language + ": " + response.body());
	}

	private static Correction correction(String complaintId, String field, String value, Instant at, String text) {
		return new Correction(UUID.randomUUID().toString(), complaintId, "C-export", Language.EN, text, field,
				"PRODUCT", value, "model", Playbook.STANDARD_CARE, "supervisor", "SUPERVISOR", at, null, null);
	}

	private List<JsonNode> review(String query) throws Exception {
		HttpResponse<String> response = get("/api/v1/triage/review?" + query, "supervisor:supervisor-dev");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		EventJson.mapper().readTree(response.body()).forEach(items::add);
		return items;
	}

	private List<JsonNode> exported(String complaintId) throws Exception {
		HttpResponse<String> export = get("/api/v1/triage/corrections", "supervisor:supervisor-dev");
		assertThat(export.statusCode()).isEqualTo(200);
		return export.body()
			.lines()
			.map((line) -> EventJson.mapper().readTree(line))
			.filter((line) -> line.path("complaintId").asString().equals(complaintId))
			.toList();
	}

	/**
	 * The complaint's corrections on the topic, once at least {@code count} arrived and a
	 * few more polls found nothing new.
	 */
	private static List<DecisionCorrected> awaitCorrected(KafkaTestConsumer consumer, String complaintId, int count) {
		await().atMost(WAIT).until(() -> corrected(consumer, complaintId), (events) -> events.size() >= count);
		for (int poll = 0; poll < 5; poll++) {
			corrected(consumer, complaintId);
		}
		return corrected(consumer, complaintId);
	}

	private static List<DecisionCorrected> corrected(KafkaTestConsumer consumer, String complaintId) {
		return consumer.poll()
			.stream()
			.map((record) -> EventJson.mapper().readValue(record.value(), DecisionCorrected.class))
			.filter((event) -> event.complaintId().equals(complaintId))
			.toList();
	}

	private static String other(String decided, String value, String otherwise) {
		return decided.equals(value) ? otherwise : value;
	}

	private JsonNode awaitDecision(String complaintId) {
		return await().atMost(WAIT).until(() -> {
			HttpResponse<String> response = get("/api/v1/triage/decisions/" + complaintId, "ops:ops-dev");
			return (response.statusCode() == 200) ? EventJson.mapper().readTree(response.body()) : null;
		}, (node) -> node != null);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		return getWith(path, credentials, Map.of());
	}

	private HttpResponse<String> getWith(String path, String credentials, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = request(path, credentials);
		headers.forEach(request::header);
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String credentials) throws Exception {
		return post(path, body, credentials, null);
	}

	private HttpResponse<String> post(String path, String body, String credentials, String idempotencyKey)
			throws Exception {
		return postWith(path, body, credentials,
				(idempotencyKey != null) ? Map.of("Idempotency-Key", idempotencyKey) : Map.of());
	}

	private HttpResponse<String> postWith(String path, String body, String credentials, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = request(path, credentials).header("Content-Type", "application/json");
		headers.forEach(request::header);
		return this.http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String credentials) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		builder.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		return builder;
	}

	private double suggestions(String field, String suggestion) {
		return DecisionChecksTests.counted(this.meters, "field", field, "suggestion", suggestion);
	}

	/**
	 * The staff checks of a field counted with an outcome under a model, whatever decided
	 * it.
	 */
	private double checks(String field, String outcome, String model) {
		return DecisionChecksTests.counted(this.meters, "field", field, "outcome", outcome, "model", model);
	}

}
