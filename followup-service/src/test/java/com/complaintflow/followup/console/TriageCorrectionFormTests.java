package com.complaintflow.followup.console;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelEvidence;
import com.complaintflow.events.ModelFit;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Playbook;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.cases.CaseActions.Actor;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case page's "Is triage right?" forms over real HTTP, with triage's correction API
 * stood in for ({@link TriageStandIn}): a correction or confirmation reaches triage with
 * the console account, naming the staff member and their role, once per form sent; each
 * answer of triage is a line on the page, never an error status, and is counted by its
 * outcome; the page shows the last word of staff on each field, from triage's events;
 * operations neither see the forms nor send them, and a value that is not the field's is
 * not sent.
 */
class TriageCorrectionFormTests extends FollowupIntegrationTest {

	private static final String CONSOLE_ACCOUNT = "Basic "
			+ Base64.getEncoder().encodeToString("console:console-dev".getBytes(StandardCharsets.UTF_8));

	@Test
	void anAgentCorrectsAndASupervisorConfirmsTriagesReadingFromTheCasePage() throws Exception {
		String caseId = open();
		String complaintId = complaintOf(caseId);
		ConsoleSession agent = signedIn("agent", "agent-dev");
		String page = agent.get("/console/cases/" + caseId).body();
		assertThat(page).contains("Is triage right?", "data-field=\"category\"", "data-field=\"persona\"",
				"data-field=\"playbook\"", "data-field=\"churnRisk\"");

		HttpResponse<String> corrected = agent.post("/console/cases/" + caseId + "/triage", page,
				Map.of("field", "category", "value", "BILLING", "verdict", "correct"));
		ConsoleSession supervisor = signedIn("supervisor", "supervisor-dev");
		String supervisorsPage = supervisor.get("/console/cases/" + caseId).body();
		HttpResponse<String> confirmed = supervisor.post("/console/cases/" + caseId + "/triage", supervisorsPage,
				Map.of("field", "persona", "value", "VENTING", "verdict", "confirm"));

		assertThat(corrected.statusCode()).isEqualTo(200);
		assertThat(corrected.uri().getPath()).isEqualTo("/console/cases/" + caseId);
		assertThat(corrected.body()).contains("Correction sent to triage");
		assertThat(confirmed.body()).contains("Confirmation sent to triage");
		List<TriageStandIn.Request> sent = TriageStandIn.get().requests(complaintId);
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0)).satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/v1/triage/decisions/" + complaintId + "/corrections");
			assertThat(request.authorization()).isEqualTo(CONSOLE_ACCOUNT);
			assertThat(request.staffLogin()).isEqualTo("agent");
			assertThat(request.staffRole()).isEqualTo("AGENT");
			assertThat(request.idempotencyKey()).isNull();
			// the staff member's page request's trace goes on into triage
			assertThat(request.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
			assertThat(request.body()).isEqualTo("{\"field\":\"category\",\"value\":\"BILLING\"}");
		});
		assertThat(sent.get(1)).satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/api/v1/triage/decisions/" + complaintId + "/confirmations");
			assertThat(request.staffLogin()).isEqualTo("supervisor");
			assertThat(request.staffRole()).isEqualTo("SUPERVISOR");
			assertThat(request.body()).isEqualTo("{\"field\":\"persona\"}");
		});
	}

	@Autowired
	private MeterRegistry registry;

	@Test
	void eachAnswerOfTriageIsALineOnThePageAndIsCounted() throws Exception {
		Map<String, Double> before = corrections(this.registry);
		Map<Integer, String> lines = Map.of(422, "Triage decided that value already", 404,
				"Triage has no decision for this complaint", 401, "Triage refused the console", 403,
				"Triage refused the console", 503, "Triage did not answer", 500, "Triage did not answer");
		ConsoleSession agent = signedIn("agent", "agent-dev");
		for (Map.Entry<Integer, String> line : lines.entrySet()) {
			String caseId = open();
			TriageStandIn.get().answer(complaintOf(caseId), line.getKey());
			String page = agent.get("/console/cases/" + caseId).body();

			HttpResponse<String> answer = agent.post("/console/cases/" + caseId + "/triage", page,
					Map.of("field", "playbook", "value", "BILLING_ERROR", "verdict", "correct"));

			assertThat(answer.statusCode()).as("triage answered %s", line.getKey()).isEqualTo(200);
			assertThat(answer.body()).as("triage answered %s", line.getKey()).contains(line.getValue());
		}
		Map<String, Double> after = corrections(this.registry);
		assertThat(after).hasSize(5);
		after.replaceAll((outcome, count) -> count - before.get(outcome));
		assertThat(after).isEqualTo(Map.of("recorded", 0.0, "nothing_to_correct", 1.0, "no_decision", 1.0, "refused",
				2.0, "unavailable", 2.0));
	}

	@Test
	void operationsNeitherSeeNorSendTheFormsAndAValueNotOfTheFieldIsNotSent() throws Exception {
		String caseId = open();
		String complaintId = complaintOf(caseId);
		ConsoleSession ops = signedIn("ops", "ops-dev");
		String opsPage = ops.get("/console/cases/" + caseId).body();
		ConsoleSession agent = signedIn("agent", "agent-dev");
		String page = agent.get("/console/cases/" + caseId).body();

		HttpResponse<String> byOps = ops.post("/console/cases/" + caseId + "/triage", opsPage,
				Map.of("field", "category", "value", "BILLING", "verdict", "correct"));
		HttpResponse<String> notACategory = agent.post("/console/cases/" + caseId + "/triage", page,
				Map.of("field", "category", "value", "STANDARD_CARE", "verdict", "correct"));
		HttpResponse<String> notAField = agent.post("/console/cases/" + caseId + "/triage", page,
				Map.of("field", "priority", "value", "P1", "verdict", "correct"));
		HttpResponse<String> noVerdict = agent.post("/console/cases/" + caseId + "/triage", page,
				Map.of("field", "category", "value", "BILLING"));

		assertThat(opsPage).doesNotContain("Is triage right?");
		assertThat(byOps.statusCode()).isEqualTo(403);
		assertThat(List.of(notACategory, notAField, noVerdict)).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("Some fields are not valid; nothing was done.");
		});
		assertThat(TriageStandIn.get().requests(complaintId)).isEmpty();
	}

	@Test
	void theCasePageShowsTheLastWordOfStaffOnEachFieldWhoeverSentIt() throws Exception {
		String caseId = open();
		String complaintId = complaintOf(caseId);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ConsoleSession agent = signedIn("agent", "agent-dev");

		this.publisher.publishAndWait(corrected(complaintId, "category", "BILLING", "AGENT", now));
		this.publisher.publishAndWait(corrected(complaintId, "persona", "VENTING", "SUPERVISOR", now));
		// an older word, delivered late, changes nothing; the churn confirmation after it
		// (same customer key, so the same partition, read in order) says it has been read
		this.publisher.publishAndWait(corrected(complaintId, "category", "DEVICE", "SUPERVISOR", now.minusSeconds(60)));
		this.publisher.publishAndWait(corrected(complaintId, "churnRisk", "MEDIUM", "SUPERVISOR", now));

		String read = await().atMost(SOON)
			.until(() -> agent.get("/console/cases/" + caseId).body(), (page) -> confirmations(page) == 2);
		assertThat(read).contains("(corrected to BILLING by an agent, ").doesNotContain("corrected to DEVICE");

		this.publisher.publishAndWait(corrected(complaintId, "category", "NETWORK", "SUPERVISOR", now.plusSeconds(1)));
		String confirmed = await().atMost(SOON)
			.until(() -> agent.get("/console/cases/" + caseId).body(), (page) -> confirmations(page) == 3);
		assertThat(confirmed).doesNotContain("corrected to");
	}

	@Test
	void aFieldTriageWasUnsureOfIsAskedAboutOpenlyUntilStaffCheckIt() throws Exception {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.withConfidence(TestEvents.triaged(complaintId, now),
				Map.of("category", 0.42, "persona", 0.95, "playbook", 0.9, "churnRisk", 0.49)));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> this.caseStore.findById(caseId).isPresent());
		ConsoleSession agent = signedIn("agent", "agent-dev");

		String page = agent.get("/console/cases/" + caseId).body();

		assertThat(page).contains("<details id=\"triage-check\" open");
		assertThat(unsureLine(page)).contains("Category", "(42 % sure)", "Churn risk", "(49 % sure)")
			.doesNotContain("Persona", "Playbook");

		this.publisher.publishAndWait(corrected(complaintId, "category", "BILLING", "AGENT", now));
		String checked = await().atMost(SOON)
			.until(() -> agent.get("/console/cases/" + caseId).body(),
					(read) -> !unsureLine(read).contains("Category"));
		assertThat(unsureLine(checked)).contains("Churn risk");

		this.publisher.publishAndWait(corrected(complaintId, "churnRisk", "MEDIUM", "SUPERVISOR", now));
		String settled = await().atMost(SOON)
			.until(() -> agent.get("/console/cases/" + caseId).body(), (read) -> unsureLine(read).isEmpty());
		assertThat(settled).contains("<details id=\"triage-check\">");
		// a case triage was sure of keeps the check folded
		assertThat(agent.get("/console/cases/" + open()).body()).contains("<details id=\"triage-check\">")
			.doesNotContain("id=\"triage-unsure\"");
	}

	@Test
	void theCasePageNamesTheRulesAndTheLearnedModelThatDecided() throws Exception {
		String model = "2026-12-04T23:39Z-en-1500+422";
		String modelReason = new ModelReason("category", "NETWORK", 0.87, 0,
				List.of(new ModelReason.Weighed("drops", 0.2)))
			.signal();
		String named = caseDecidedWith(
				new Explanation("2026.12.03-3", List.of(modelReason), Map.of("category", 0.87), model));
		String unrecorded = caseDecidedWith(
				new Explanation("2026.12.03-3", List.of(modelReason), Map.of("category", 0.87)));
		String rulesAlone = caseDecidedWith(
				new Explanation("2026.12.03-3", List.of("score:category.NETWORK=7.0"), Map.of("category", 0.7)));
		ConsoleSession agent = signedIn("agent", "agent-dev");

		assertThat(versions(agent.get("/console/cases/" + named).body()))
			.isEqualTo("Rules 2026.12.03-3, learned model " + model);
		assertThat(versions(agent.get("/console/cases/" + unrecorded).body()))
			.isEqualTo("Rules 2026.12.03-3, a learned model (decided before its version was recorded)");
		assertThat(versions(agent.get("/console/cases/" + rulesAlone).body()))
			.isEqualTo("Rules 2026.12.03-3, no learned model (the rules decided alone)");
	}

	@Test
	void anUnsureFieldOffersTheModelsNextValueFirst() throws Exception {
		String category = new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.38),
				List.of())
			.signal();
		String persona = new ModelReason("persona", "VENTING", 0.95, 0, new ModelReason.Next("RATIONAL", 0.03),
				List.of())
			.signal();
		String why = new ModelEvidence("category", "BILLING",
				List.of(new ModelReason.Weighed("bil", 0.3), new ModelReason.Weighed("arged", 0.2)))
			.signal();
		String caseId = caseDecidedWith(
				new Explanation("2026.12.03-3", List.of(category, persona, why),
						Map.of("category", 0.42, "persona", 0.95, "playbook", 0.9, "churnRisk", 0.9), "v1"),
				"The line is slow and they charged me twice on the bill");

		String page = signedIn("agent", "agent-dev").get("/console/cases/" + caseId).body();

		// with the customer's words behind the suggestion, where triage recorded its
		// n-grams
		assertThat(unsureLine(page)).contains("(42 % sure; perhaps BILLING, for “bill”, “charged”)")
			.doesNotContain("Persona");
		assertThat(OfferedValue.of(page, "triage-category")).isEqualTo("BILLING");
		// a field triage was sure of offers its own value, as before
		assertThat(OfferedValue.of(page, "triage-persona")).isEqualTo("VENTING");
	}

	@Test
	void anUnsureFieldTheRulesDecidedOffersWhatTheModelSaid() throws Exception {
		// the rules chose NETWORK_FAULT; the model, below its threshold, BILLING_ERROR
		String playbook = new ModelAdvice("playbook", "BILLING_ERROR", 0.38, new ModelReason.Next("NETWORK_FAULT", 0.3))
			.signal();
		// the rules chose MEDIUM, as the model did: its next value is offered
		String churn = new ModelAdvice("churnRisk", "MEDIUM", 0.44, new ModelReason.Next("HIGH", 0.41)).signal();
		String caseId = caseDecidedWith(
				new Explanation("2026.12.06-2", List.of("rule:playbook.network", "fallback:churnRisk", playbook, churn),
						Map.of("category", 0.9, "persona", 0.9, "playbook", 0.45, "churnRisk", 0.4), "v1"));

		String page = signedIn("agent", "agent-dev").get("/console/cases/" + caseId).body();

		assertThat(unsureLine(page)).contains("(45 % sure; perhaps BILLING_ERROR)", "(40 % sure; perhaps HIGH)");
		assertThat(OfferedValue.of(page, "triage-playbook")).isEqualTo("BILLING_ERROR");
		assertThat(OfferedValue.of(page, "triage-churnRisk")).isEqualTo("HIGH");
		// and the reasons say what the model read beside what decided
		assertThat(page).contains("a rule (network)</span><span class=\"model-said\">; the learned model read "
				+ "BILLING_ERROR, 38 % sure</span>");
	}

	@Test
	void aPlaybookTheModelTookToFitTheCategorySaysWhatItPassedOver() throws Exception {
		String category = new ModelReason("category", "SERVICE_ATTITUDE", 0.98, 0, List.of()).signal();
		String playbook = new ModelReason("playbook", "STANDARD_CARE", 0.61, 0,
				new ModelReason.Next("NETWORK_FAULT", 0.42), List.of())
			.signal();
		String fit = new ModelFit("playbook", "STANDARD_CARE", "category", "SERVICE_ATTITUDE",
				new ModelReason.Next("NETWORK_FAULT", 0.42))
			.signal();
		String caseId = caseDecidedWith(new Explanation("2026.12.07-2", List.of(category, playbook, fit),
				Map.of("category", 0.98, "persona", 0.9, "playbook", 0.61, "churnRisk", 0.9), "v1"));

		String page = signedIn("agent", "agent-dev").get("/console/cases/" + caseId).body();

		assertThat(page).contains("<span class=\"model-fit\">; its first choice alone, NETWORK_FAULT (42 %), does "
				+ "not go with SERVICE_ATTITUDE</span>");
	}

	/**
	 * Publishes a decision with the explanation given and returns its case's id once
	 * open.
	 */
	private String caseDecidedWith(Explanation explanation) throws Exception {
		return caseDecidedWith(explanation, null);
	}

	/**
	 * Publishes a complaint in the words given (none: null) and its decision with the
	 * explanation given, and returns its case's id once open.
	 */
	private String caseDecidedWith(Explanation explanation, String text) throws Exception {
		String complaintId = "CMP-" + UUID.randomUUID();
		if (text != null) {
			this.publisher.publishAndWait(TestEvents.received(complaintId, Instant.now(), text, "Test Person", "+860"));
		}
		this.publisher
			.publishAndWait(TestEvents.withExplanation(TestEvents.triaged(complaintId, Instant.now()), explanation));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> this.caseStore.findById(caseId).isPresent());
		return caseId;
	}

	/** The case page's line naming the rules and the model that decided. */
	private static String versions(String page) {
		Matcher line = Pattern.compile("<p id=\"triage-versions\">(.*?)</p>", Pattern.DOTALL).matcher(page);
		return line.find() ? line.group(1) : "";
	}

	/** The page's line naming the fields triage was unsure of, or "" without one. */
	private static String unsureLine(String page) {
		Matcher line = Pattern.compile("<p id=\"triage-unsure\">(.*?)</p>", Pattern.DOTALL).matcher(page);
		return line.find() ? line.group(1) : "";
	}

	private static int confirmations(String page) {
		return page.split(Pattern.quote("(confirmed by a supervisor, "), -1).length - 1;
	}

	/** A correction of the field that {@code TestEvents.triaged} decided. */
	private static DecisionCorrected corrected(String complaintId, String field, String value, String role,
			Instant at) {
		String previous = Map.of("category", "NETWORK", "persona", "VENTING", "churnRisk", "MEDIUM").get(field);
		String id = complaintId + "-" + field + "-" + value + "-" + at.toEpochMilli();
		return new DecisionCorrected(EventMetadata.deterministicEventId("decision-corrected", id), "triage", at,
				complaintId, "C-" + complaintId, ComplaintEvent.CURRENT_SCHEMA_VERSION, id, field, previous, value,
				"model", Playbook.NETWORK_FAULT, role, null);
	}

	@Test
	void triageNotListeningIsAnsweredAsNotAnswering() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		TriageCorrections unreachable = new TriageCorrections(
				new TriageLinkSettings(URI.create("http://127.0.0.1:" + closedPort()), "console", "console-dev",
						Duration.ofSeconds(2)),
				registry, ObservationRegistry.NOOP);

		assertThat(unreachable.send("CMP-1", "category", "BILLING", new Actor("agent", false)))
			.isEqualTo(TriageCorrections.Outcome.UNAVAILABLE);
		assertThat(unreachable
			.toCheck("category", null, Instant.now().minusSeconds(60), Instant.now(), new Actor("supervisor", true))
			.outcome()).isEqualTo(TriageCorrections.Outcome.UNAVAILABLE);
		assertThat(unreachable.untrained(new Actor("supervisor", true))).isNull();
		assertThat(corrections(registry)).containsEntry("unavailable", 1.0).containsEntry("recorded", 0.0);
		for (String request : List.of("review", "untrained")) {
			assertThat(registry.get("followup.console.triage.requests")
				.tags("request", request, "outcome", "unavailable")
				.counter()
				.count()).as(request).isEqualTo(1.0);
		}
	}

	/** The console's corrections counted, by outcome. */
	private static Map<String, Double> corrections(MeterRegistry registry) {
		Map<String, Double> counts = new HashMap<>();
		registry.get("followup.console.triage.requests")
			.tag("request", "correction")
			.counters()
			.forEach((counter) -> counts.put(counter.getId().getTag("outcome"), counter.count()));
		return counts;
	}

	private static int closedPort() {
		return TestInfrastructure.closedPort();
	}

	private String complaintOf(String caseId) {
		FollowupCase found = this.caseStore.findById(caseId).orElseThrow();
		return found.getComplaintId();
	}

	private ConsoleSession signedIn(String user, String password) throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login(user, password);
		return session;
	}

}
