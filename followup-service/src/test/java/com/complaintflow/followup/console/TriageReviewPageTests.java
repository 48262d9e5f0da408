package com.complaintflow.followup.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.cases.CaseOpening;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisors' review page over real HTTP, with triage's API stood in for
 * ({@link TriageStandIn}): the page shows triage's review list, asked for the signed-in
 * supervisor with the field, language and period chosen; a verdict on one decision
 * reaches triage for that complaint and the page comes back on the same choice; triage
 * not answering is a line on the page; agents and operations are refused.
 */
class TriageReviewPageTests extends FollowupIntegrationTest {

	@AfterEach
	void emptyList() {
		TriageStandIn.get().review(200, "[]");
		TriageStandIn.get().untrained(200, TriageStandIn.NO_LABELS);
	}

	@Test
	void aSupervisorChecksTheDecisionsTriageWasLeastSureOf() throws Exception {
		String first = "CMP-" + UUID.randomUUID();
		String second = "CMP-" + UUID.randomUUID();
		TriageStandIn.get()
			.review(200, "[" + decision(first, "STANDARD_CARE", 0.31, "套餐到期后被自动续费了") + "," + decision(second,
					"BILLING_ERROR", 0.44, "Charged twice for the same month")
				.replaceFirst("}$",
						",\"signals\":[\"model:playbook.BILLING_ERROR(p=0.44>=0.00, next NETWORK_FAULT p=0.21; 'twice' +0.40, 'arg' +0.21)\","
								+ "\"evidence:playbook.NETWORK_FAULT('same mon' +0.20)\"]}")
					+ "]");
		// a language the console does not know is left out
		TriageStandIn.get()
			.untrained(200, "[{\"language\":\"zh\",\"modelVersion\":\"v\",\"labels\":12},"
					+ "{\"language\":\"en\",\"modelVersion\":null,\"labels\":1234},{\"language\":\"fr\",\"labels\":5}]");
		ConsoleSession supervisor = signedIn("supervisor", "supervisor-dev");
		int asked = TriageStandIn.get().reviews().size();

		HttpResponse<String> page = supervisor.get("/console/triage-review?field=playbook&language=ZH");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Decisions to check", "套餐到期后被自动续费了", "Charged twice for the same month",
				"data-complaint-id=\"" + first + "\"", "decided by model, 31 % sure",
				"href=\"/console/cases/" + CaseOpening.caseIdFor(second) + "\"");
		// the model's n-grams as the customer's words, for the decision that carries
		// them (the first, from a triage before signals were listed, shows none)
		assertThat(page.body()).containsOnlyOnce("Words that weighed most").contains("twice, Charged");
		// where the model was unsure, its next most probable value is suggested and
		// offered
		// first; a decision without the model's reason offers its own value
		assertThat(page.body()).containsOnlyOnce("perhaps NETWORK_FAULT, for “same month”");
		assertThat(OfferedValue.of(page.body(), "value-" + second)).isEqualTo("NETWORK_FAULT");
		assertThat(OfferedValue.of(page.body(), "value-" + first)).isEqualTo("STANDARD_CARE");
		TriageStandIn.Request review = TriageStandIn.get().reviews().get(asked);
		assertThat(parameters(review)).containsEntry("field", "playbook")
			.containsEntry("language", "ZH")
			.containsEntry("limit", "20");
		assertThat(period(review)).isEqualTo(Duration.ofDays(1));
		assertThat(review.staffLogin()).isEqualTo("supervisor");
		assertThat(review.staffRole()).isEqualTo("SUPERVISOR");
		// how many labels the models in force have not learned from, asked for the
		// supervisor
		assertThat(page.body()).contains("have not learned from yet: Chinese 12, English 1,234.");
		assertThat(TriageStandIn.get().untrainedAsked()).last().satisfies((request) -> {
			assertThat(request.staffLogin()).isEqualTo("supervisor");
			assertThat(request.staffRole()).isEqualTo("SUPERVISOR");
		});

		HttpResponse<String> corrected = supervisor.post("/console/triage-review", page.body(), Map.of("complaintId",
				first, "field", "playbook", "language", "ZH", "value", "BILLING_ERROR", "verdict", "correct"));

		assertThat(corrected.statusCode()).isEqualTo(200);
		assertThat(corrected.uri().getPath()).isEqualTo("/console/triage-review");
		assertThat(corrected.uri().getQuery()).isEqualTo("field=playbook&language=ZH");
		assertThat(corrected.body()).contains("Correction sent to triage");
		assertThat(TriageStandIn.get().requests(first)).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/api/v1/triage/decisions/" + first + "/corrections");
			assertThat(request.body()).isEqualTo("{\"field\":\"playbook\",\"value\":\"BILLING_ERROR\"}");
			assertThat(request.staffLogin()).isEqualTo("supervisor");
			assertThat(request.staffRole()).isEqualTo("SUPERVISOR");
		});
	}

	@Test
	void triageNotAnsweringIsALineOnThePageAndABadVerdictIsNotSent() throws Exception {
		TriageStandIn.get().review(503, "{}");
		TriageStandIn.get().untrained(503, "{}");
		ConsoleSession supervisor = signedIn("supervisor", "supervisor-dev");
		String complaintId = "CMP-" + UUID.randomUUID();

		HttpResponse<String> page = supervisor.get("/console/triage-review?field=weather&language=FR");
		HttpResponse<String> notAValue = supervisor.post("/console/triage-review", page.body(), Map.of("complaintId",
				complaintId, "field", "category", "value", "BILLING_ERROR", "verdict", "correct"));
		HttpResponse<String> notAComplaint = supervisor.post("/console/triage-review", page.body(),
				Map.of("complaintId", "<script>", "field", "category", "verdict", "confirm"));
		HttpResponse<String> noField = supervisor.get("/console/triage-review");
		HttpResponse<String> noFieldSent = supervisor.post("/console/triage-review", page.body(),
				Map.of("complaintId", complaintId, "verdict", "confirm"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Triage did not answer").doesNotContain("id=\"untrained\"");
		assertThat(parameters(TriageStandIn.get().reviews().get(TriageStandIn.get().reviews().size() - 1)))
			.containsEntry("field", "category")
			.doesNotContainKey("language");
		assertThat(noField.statusCode()).isEqualTo(200);
		assertThat(noField.body()).contains("Triage did not answer");
		assertThat(List.of(notAValue, notAComplaint, noFieldSent)).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("Some fields are not valid; nothing was done.");
		});
		assertThat(TriageStandIn.get().requests(complaintId)).isEmpty();
	}

	@Test
	void aSupervisorChoosesALongerPeriodAndTheLinksAndVerdictsKeepIt() throws Exception {
		String complaintId = "CMP-" + UUID.randomUUID();
		// what the page does not show may be anything triage adds later: a language, a
		// playbook
		TriageStandIn.get()
			.review(200,
					"[" + decision(complaintId, "NETWORK_FAULT", 0.38, "No signal since Monday")
						.replace("\"language\":\"zh\"", "\"language\":\"fr\"")
						.replace("\"playbook\":\"NETWORK_FAULT\"", "\"playbook\":\"A_PLAYBOOK_ADDED_LATER\"") + "]");
		ConsoleSession supervisor = signedIn("supervisor", "supervisor-dev");
		int asked = TriageStandIn.get().reviews().size();

		HttpResponse<String> week = supervisor.get("/console/triage-review?field=playbook&language=EN&days=7");
		HttpResponse<String> notAPeriod = supervisor.get("/console/triage-review?field=playbook&days=5");

		assertThat(week.statusCode()).isEqualTo(200);
		assertThat(week.body()).contains("No signal since Monday");
		assertThat(period(TriageStandIn.get().reviews().get(asked))).isEqualTo(Duration.ofDays(7));
		assertThat(period(TriageStandIn.get().reviews().get(asked + 1))).isEqualTo(Duration.ofDays(1));
		assertThat(week.body()).contains("href=\"/console/triage-review?field=category&amp;language=EN&amp;days=7\"",
				"href=\"/console/triage-review?field=playbook&amp;days=7\"",
				"href=\"/console/triage-review?field=playbook&amp;language=EN&amp;days=31\"",
				"href=\"/console/triage-review?field=playbook&amp;language=EN\"", "Last 7 days");

		HttpResponse<String> confirmed = supervisor.post("/console/triage-review", week.body(), Map.of("complaintId",
				complaintId, "field", "playbook", "language", "EN", "days", "7", "verdict", "confirm"));

		assertThat(confirmed.uri().getQuery()).isEqualTo("field=playbook&language=EN&days=7");
		assertThat(confirmed.body()).contains("Last 7 days");
		assertThat(TriageStandIn.get().requests(complaintId)).singleElement()
			.satisfies((request) -> assertThat(request.path()).endsWith("/confirmations"));
	}

	@Test
	void agentsAndOperationsAreRefused() throws Exception {
		ConsoleSession agent = signedIn("agent", "agent-dev");
		ConsoleSession ops = signedIn("ops", "ops-dev");

		assertThat(agent.get("/console/triage-review").statusCode()).isEqualTo(403);
		assertThat(ops.get("/console/triage-review").statusCode()).isEqualTo(403);
	}

	private static String decision(String complaintId, String value, double confidence, String text) {
		return "{\"complaintId\":\"" + complaintId + "\",\"receivedAt\":\"2026-12-05T08:00:00Z\",\"language\":\"zh\","
				+ "\"field\":\"playbook\",\"value\":\"" + value + "\",\"decidedBy\":\"model\",\"confidence\":"
				+ confidence + ",\"playbook\":\"" + value + "\",\"text\":\"" + text + "\"}";
	}

	/** The review request's query parameters (each given once). */
	private static Map<String, String> parameters(TriageStandIn.Request review) {
		return UriComponentsBuilder.fromUriString("/?" + review.query()).build().getQueryParams().toSingleValueMap();
	}

	/** The period the review request asked for: from {@code from} to {@code to}. */
	private static Duration period(TriageStandIn.Request review) {
		Map<String, String> parameters = parameters(review);
		return Duration.between(Instant.parse(parameters.get("from")), Instant.parse(parameters.get("to")));
	}

	private ConsoleSession signedIn(String user, String password) throws Exception {
		ConsoleSession session = new ConsoleSession(this.port);
		session.login(user, password);
		return session;
	}

}
