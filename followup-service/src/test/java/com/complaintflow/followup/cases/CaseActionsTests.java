package com.complaintflow.followup.cases;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.StaffClient.Answer;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff case API over real HTTP, broker and wire server: every transition with its
 * lifecycle event, every forbidden action as a 409 problem, idempotent retries, remedy
 * limits by role, and incidents resolving their member cases.
 */
class CaseActionsTests extends FollowupIntegrationTest {

	static final String CONTACT = "contact";

	static final String PROGRESS = "progress";

	static final String WAIT = "wait-on-customer";

	static final String RESUME = "resume";

	static final String OFFER = "remedies/offer";

	static final String CHOOSE = "remedies/choose";

	static final String RESOLVE = "resolve";

	static final String CALLBACK = "callback";

	static final String CLOSE = "close";

	static final Map<String, String> BODIES = Map.of(CONTACT, "{}", PROGRESS, "{\"message\":\"Engineer on the way\"}",
			WAIT, "{\"note\":\"waiting for the router serial\"}", RESUME, "{}", OFFER, "{}", CHOOSE, "{\"option\":0}",
			RESOLVE, "{\"resolution\":\"Line card replaced\"}", CALLBACK,
			"{\"satisfaction\":5,\"problemResolved\":true}", CLOSE, "{\"outcome\":\"RETAINED\"}");

	static final Map<CaseStatus, Set<String>> ALLOWED = new EnumMap<>(CaseStatus.class);

	static {
		Set<String> working = Set.of(CONTACT, PROGRESS, WAIT, OFFER, CHOOSE, RESOLVE);
		ALLOWED.put(CaseStatus.OPEN, working);
		ALLOWED.put(CaseStatus.IN_PROGRESS, working);
		ALLOWED.put(CaseStatus.ESCALATED, working);
		ALLOWED.put(CaseStatus.WAITING_ON_CUSTOMER, Set.of(PROGRESS, RESUME));
		ALLOWED.put(CaseStatus.RESOLVED, Set.of(CALLBACK));
		ALLOWED.put(CaseStatus.CALLBACK_DONE, Set.of(CLOSE));
		ALLOWED.put(CaseStatus.CLOSED, Set.of());
	}

	@Autowired
	MongoTemplate mongo;

	@Test
	void caseGoesFromOpenToClosedPublishingEachLifecycleEvent() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();

			assertThat(act(caseId, CONTACT).json().get("status").asString()).isEqualTo("IN_PROGRESS");
			assertThat(act(caseId, OFFER).json().get("offeredRemedies").size()).isEqualTo(2);
			assertThat(act(caseId, CHOOSE).json().get("chosenRemedy").get("kind").asString()).isEqualTo("DATA_BONUS");
			act(caseId, PROGRESS);
			JsonNode resolved = act(caseId, RESOLVE).json();
			assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
			assertThat(milestone(resolved, "CALLBACK", 1).get("status").asString()).isEqualTo("OPEN");
			assertThat(milestone(resolved, "FIRST_RESPONSE", 1).get("status").asString()).isEqualTo("MET");
			assertThat(act(caseId, CALLBACK).json().get("status").asString()).isEqualTo("CALLBACK_DONE");
			JsonNode closed = act(caseId, CLOSE).json();

			assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
			assertThat(closed.get("outcome").asString()).isEqualTo("RETAINED");
			assertThat(closed.get("milestones")).allMatch((m) -> !"OPEN".equals(m.get("status").asString()));
			await().atMost(SOON)
				.until(() -> types(cases, caseId),
						(types) -> types
							.equals(List.of("case-opened", "customer-contacted", "remedy-offered", "remedy-chosen",
									"progress-updated", "case-resolved", "callback-completed", "case-closed")));
		}
	}

	@Test
	void unsatisfiedCallbackReopensTheCaseEscalatedToTheExpertTeamWithANewDeadline() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open("CMP-" + UUID.randomUUID(), null, Duration.ofHours(2));
			act(caseId, RESOLVE);
			Instant before = Instant.now();

			JsonNode escalated = agent()
				.post(path(caseId, CALLBACK), null, "{\"satisfaction\":2,\"problemResolved\":false}")
				.json();

			assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
			JsonNode expert = milestone(escalated, "ESCALATED_RESOLUTION", 1);
			assertThat(expert.get("status").asString()).isEqualTo("OPEN");
			assertThat(Instant.parse(expert.get("dueAt").asString())).isBetween(before.plus(Duration.ofHours(24)),
					Instant.now().plus(Duration.ofHours(24)));
			assertThat(milestone(escalated, "PROGRESS_UPDATE", 2).get("status").asString()).isEqualTo("OPEN");
			// the case's own interval (2 h), not the policy's default (8 h), though the
			// resolution cancelled the update before
			assertThat(milestone(escalated, "PROGRESS_UPDATE", 1).get("status").asString()).isEqualTo("CANCELLED");
			assertThat(milestone(escalated, "PROGRESS_UPDATE", 2).get("windowMs").asLong())
				.isEqualTo(Duration.ofHours(2).toMillis());
			await().atMost(SOON).until(() -> types(cases, caseId).contains("case-escalated"));

			JsonNode again = act(caseId, RESOLVE).json();
			assertThat(milestone(again, "ESCALATED_RESOLUTION", 1).get("status").asString()).isEqualTo("MET");
			assertThat(milestone(again, "CALLBACK", 2).get("status").asString()).isEqualTo("OPEN");
		}
	}

	@Test
	void aCaseHandedBackFromTheExpertsGoesToThemAgainAtTheNextUnsatisfiedCallback() {
		String caseId = caseIn(CaseStatus.ESCALATED);
		JsonNode handedBack = supervisor()
			.post(path(caseId, "assign"), null, "{\"team\":\"network-bj\",\"agent\":\"agent\"}")
			.json();
		assertThat(handedBack.get("owner").get("team").asString()).isEqualTo("network-bj");
		assertThat(handedBack.get("owner").get("escalatedTo").isNull()).isTrue();
		act(caseId, RESOLVE);

		JsonNode again = agent().post(path(caseId, CALLBACK), null, "{\"satisfaction\":2,\"problemResolved\":false}")
			.json();

		assertThat(again.get("status").asString()).isEqualTo("ESCALATED");
		assertThat(again.get("owner").get("team").asString()).isEqualTo("experts");
		assertThat(again.get("owner").get("agent").isNull()).isTrue();
		assertThat(again.get("owner").get("escalatedTo").asString()).isEqualTo("EXPERT_TEAM");
		// an expert who takes it over within the team keeps it at the expert level
		JsonNode withExpert = supervisor()
			.post(path(caseId, "assign"), null, "{\"team\":\"experts\",\"agent\":\"agent2\"}")
			.json();
		assertThat(withExpert.get("owner").get("escalatedTo").asString()).isEqualTo("EXPERT_TEAM");
	}

	@Test
	void theNoteSentWithAContactIsKeptInTheTimeline() {
		String caseId = open();

		JsonNode contacted = agent().post(path(caseId, CONTACT), null, "{\"note\":\"Customer prefers evenings\"}")
			.json();

		JsonNode timeline = contacted.get("timeline");
		JsonNode last = timeline.get(timeline.size() - 1);
		assertThat(last.get("action").asString()).isEqualTo("CONTACTED");
		assertThat(last.get("detail").asString()).endsWith(": Customer prefers evenings");
	}

	@Test
	void everyActionNotAllowedInAStateIsA409ProblemAndChangesNothing() {
		for (CaseStatus status : CaseStatus.values()) {
			String caseId = caseIn(status);
			for (String action : BODIES.keySet()) {
				if (ALLOWED.get(status).contains(action)) {
					continue;
				}
				Answer answer = agent().post(path(caseId, action), UUID.randomUUID().toString(), BODIES.get(action));
				assertThat(answer.code()).as(action + " in " + status).isEqualTo(409);
				assertThat(answer.json().get("title").asString()).isEqualTo("Action not allowed");
				assertThat(answer.json().get("status").asInt()).as("the HTTP status (RFC 9457)").isEqualTo(409);
				assertThat(answer.json().get("caseStatus").asString()).isEqualTo(status.name());
			}
			assertThat(agent().get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo(status.name());
		}
	}

	@Test
	void choosingARemedyBeforeAnyOfferIsA409() {
		String caseId = open();

		Answer answer = act(caseId, CHOOSE);

		assertThat(answer.code()).isEqualTo(409);
		assertThat(answer.json().get("detail").asString()).contains("no remedy has been offered yet");
	}

	@Test
	void retriedActionWithTheSameIdempotencyKeyIsAppliedOnce() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = open();
			String body = BODIES.get(PROGRESS);

			agent().post(path(caseId, PROGRESS), "key-1", body);
			agent().post(path(caseId, PROGRESS), "key-1", body);
			agent().post(path(caseId, PROGRESS), null, body);
			JsonNode last = agent().post(path(caseId, PROGRESS), null, body).json();

			assertThat(last.get("timeline")).filteredOn((e) -> "PROGRESS_UPDATED".equals(e.get("action").asString()))
				.hasSize(2);
			assertThat(milestone(last, "PROGRESS_UPDATE", 3).get("status").asString()).isEqualTo("OPEN");
			await().atMost(SOON)
				.until(() -> types(cases, caseId).stream().filter("progress-updated"::equals).count() == 2);
		}
	}

	@Test
	void aClientKeyThatLooksLikeADerivedOneIsStillRecognisedOnRetry() {
		String caseId = open();
		String body = BODIES.get(PROGRESS);

		agent().post(path(caseId, PROGRESS), "body-1", body);
		agent().post(path(caseId, WAIT), null, "{}");
		JsonNode retried = agent().post(path(caseId, PROGRESS), "body-1", body).json();

		assertThat(retried.get("timeline")).filteredOn((e) -> "PROGRESS_UPDATED".equals(e.get("action").asString()))
			.hasSize(1);
	}

	@Test
	void sameActionRepeatedAfterAnotherIsAppliedAgainWithoutAKey() {
		String caseId = open();

		agent().post(path(caseId, WAIT), null, "{}");
		agent().post(path(caseId, RESUME), null, null);
		agent().post(path(caseId, WAIT), null, "{}");
		JsonNode waiting = agent().post(path(caseId, WAIT), null, "{}").json();

		assertThat(waiting.get("status").asString()).isEqualTo("WAITING_ON_CUSTOMER");
		assertThat(waiting.get("timeline")).filteredOn((e) -> "WAITING_ON_CUSTOMER".equals(e.get("action").asString()))
			.hasSize(2);
	}

	@Test
	void remedyAboveTheTierLimitNeedsASupervisor() {
		String caseId = open();
		String custom = "{\"remedies\":[{\"kind\":\"BILL_CREDIT\",\"description\":\"Three months waived\",\"amount\":450}]}";

		Answer byAgent = agent().post(path(caseId, OFFER), null, custom);
		Answer bySupervisor = supervisor().post(path(caseId, OFFER), null, custom);

		assertThat(byAgent.code()).isEqualTo(403);
		assertThat(byAgent.json().get("title").asString()).isEqualTo("Supervisor approval needed");
		assertThat(bySupervisor.code()).isEqualTo(200);
		assertThat(bySupervisor.json().get("offeredRemedies").get(0).get("amount").asInt()).isEqualTo(450);
	}

	@Test
	void anAgentMayOfferTriagesOwnOverCompensatedOptionsButNobodyAboveTheTiersCap() {
		String complaintId = "CMP-" + UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now,
				new com.complaintflow.events.Deadlines(now.plus(Duration.ofHours(24)), null, null, null,
						Duration.ofHours(24)),
				null, List.of(new RemedyOption(RemedyKind.BILL_CREDIT, "Credit of 540 for the broken promise",
						new BigDecimal("540")), new RemedyOption(RemedyKind.ONSITE_REPAIR, "Visit", null))));
		String caseId = CaseOpening.caseIdFor(complaintId);
		await().atMost(SOON).until(() -> agent().get("/api/v1/cases/" + caseId).code() == 200);

		Answer triagesOwn = agent().post(path(caseId, OFFER), null, "{}");
		Answer aboveCap = supervisor().post(path(caseId, OFFER), null,
				"{\"remedies\":[{\"kind\":\"BILL_CREDIT\",\"description\":\"x\",\"amount\":600.01}]}");

		assertThat(triagesOwn.code()).isEqualTo(200);
		assertThat(triagesOwn.json().get("offeredRemedies").get(0).get("amount").asInt()).isEqualTo(540);
		assertThat(aboveCap.code()).isEqualTo(422);
		assertThat(aboveCap.json().get("title").asString()).isEqualTo("Above the remedy cap");
	}

	@Test
	void aChoiceMadeFromAnOfferReplacedSinceIsRefusedNotTakenForAnotherRemedy() {
		String caseId = open();
		JsonNode first = act(caseId, OFFER).json();
		assertThat(first.get("offerNumber").asInt()).isEqualTo(1);
		JsonNode second = supervisor()
			.post(path(caseId, OFFER), null,
					"{\"remedies\":[{\"kind\":\"SERVICE_UPGRADE\",\"description\":\"Faster plan\"},"
							+ "{\"kind\":\"BILL_CREDIT\",\"description\":\"Credit of 20\",\"amount\":20}]}")
			.json();
		assertThat(second.get("offerNumber").asInt()).isEqualTo(2);

		Answer stale = agent().post(path(caseId, CHOOSE), null, "{\"option\":0,\"offer\":1}");

		assertThat(stale.code()).isEqualTo(409);
		assertThat(stale.json().get("detail").asString()).contains("offered again");
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("chosenRemedy").isNull()).isTrue();
		JsonNode chosen = agent().post(path(caseId, CHOOSE), null, "{\"option\":0,\"offer\":2}").json();
		assertThat(chosen.get("chosenRemedy").get("kind").asString()).isEqualTo("SERVICE_UPGRADE");
	}

	@Test
	void aCustomRemedyThatCostsMoneyStatesItsAmountSoTheLimitsApply() {
		String caseId = open();
		for (String kind : List.of("BILL_CREDIT", "REFUND", "CUSTOM")) {
			Answer unpriced = agent().post(path(caseId, OFFER), null,
					"{\"remedies\":[{\"kind\":\"" + kind + "\",\"description\":\"Credit of 2000\"}]}");
			assertThat(unpriced.code()).as(kind).isEqualTo(400);
			assertThat(unpriced.json().get("detail").asString()).as(kind).contains("remedies[0].amount");
		}
		Answer services = agent().post(path(caseId, OFFER), null,
				"{\"remedies\":[{\"kind\":\"SERVICE_UPGRADE\",\"description\":\"Faster plan for 3 months\"},"
						+ "{\"kind\":\"CUSTOM\",\"description\":\"A call from the area manager\",\"amount\":0}]}");
		assertThat(services.code()).isEqualTo(200);
		assertThat(services.json().get("offeredRemedies").size()).isEqualTo(2);
	}

	@Test
	void aRemedyAmountIsMoneyOrAProblemDetailNeverA500() {
		String caseId = open();
		for (String amount : List.of("1E-60000", "-500", "0.001", "1E+60000", "12345678.5", "1E2147483647")) {
			Answer answer = supervisor().post(path(caseId, OFFER), null,
					"{\"remedies\":[{\"kind\":\"BILL_CREDIT\",\"description\":\"x\",\"amount\":" + amount + "}]}");
			assertThat(answer.code()).as(amount).isEqualTo(400);
			assertThat(answer.json().get("errors").get(0).get("field").asString()).as(amount)
				.isEqualTo("remedies[0].amount");
		}
	}

	@Test
	void aMalformedOrOversizedIdempotencyKeyIsRefusedBeforeItReachesTheCase() {
		String caseId = open();

		Answer oversized = agent().post(path(caseId, CONTACT), "k".repeat(256), "{}");
		Answer control = agent().post(path(caseId, CONTACT), "key with spaces", "{}");

		assertThat(oversized.code()).isEqualTo(400);
		assertThat(oversized.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(control.code()).isEqualTo(400);
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("timeline").toString()).doesNotContain("kkkk");
	}

	@Test
	void aBusyCaseKeepsItsOpeningAndNewestTimelineAndStillRecognisesARecentRetry() {
		String caseId = open();
		int actions = FollowupCase.MAX_TIMELINE + 10;
		for (int i = 0; i < actions; i++) {
			assertThat(agent().post(path(caseId, "progress"), "busy-" + i, "{\"message\":\"update " + i + "\"}").code())
				.isEqualTo(200);
		}
		JsonNode retried = agent()
			.post(path(caseId, "progress"), "busy-" + (actions - 1), "{\"message\":\"update " + (actions - 1) + "\"}")
			.json();

		JsonNode timeline = retried.get("timeline");
		assertThat(timeline.size()).isEqualTo(FollowupCase.MAX_TIMELINE);
		assertThat(timeline.get(0).get("action").asString()).isEqualTo("OPENED");
		assertThat(timeline.get(timeline.size() - 1).get("action").asString()).isEqualTo("PROGRESS_UPDATED");
		FollowupCase stored = this.caseStore.findById(caseId).orElseThrow();
		assertThat(stored.getAppliedActions()).hasSize(FollowupCase.MAX_APPLIED_ACTIONS);
		assertThat(stored.appliedActionCount()).isEqualTo(actions);
	}

	@Test
	void operationsMayReadCasesButNotActOnThem() {
		String caseId = open();
		StaffClient ops = ops();

		assertThat(ops.get("/api/v1/cases/" + caseId).code()).isEqualTo(200);
		assertThat(ops.post(path(caseId, CONTACT), null, "{}").code()).isEqualTo(403);
		assertThat(new StaffClient(this.port, "prometheus", "prometheus-dev").get("/api/v1/cases/" + caseId).code())
			.isEqualTo(403);
	}

	@Test
	void invalidBodyIsA400WithTheField() {
		String caseId = open();

		Answer answer = agent().post(path(caseId, CALLBACK), null, "{\"satisfaction\":9,\"problemResolved\":true}");

		assertThat(answer.code()).isEqualTo(400);
		assertThat(answer.json().has("errors")).as(answer.json().toString()).isTrue();
		assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("satisfaction");
	}

	@Test
	void aboutToBreachViewListsCasesWithAnOpenMilestoneDueBeforeTheGivenInstant() {
		String caseId = open();
		String soon = Instant.now().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.SECONDS).toString();
		String tooSoon = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();

		// the complaint id keeps the list to this test's case: the context's database is
		// shared
		String complaintId = agent().get("/api/v1/cases/" + caseId).json().get("complaintId").asString();
		JsonNode due = agent()
			.get("/api/v1/cases?status=OPEN&queue=network-bj&complaintId=" + complaintId + "&dueBefore=" + soon)
			.json();
		JsonNode notDue = agent().get("/api/v1/cases?complaintId=" + complaintId + "&dueBefore=" + tooSoon).json();

		assertThat(due).anyMatch((c) -> caseId.equals(c.get("caseId").asString()));
		assertThat(notDue).noneMatch((c) -> caseId.equals(c.get("caseId").asString()));
	}

	@Test
	void resolvingAnIncidentResolvesItsMemberCasesAndSchedulesTheirCallbacks() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String incidentId = "INC-" + UUID.randomUUID();
			List<String> complaints = List.of("CMP-" + UUID.randomUUID(), "CMP-" + UUID.randomUUID());
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<String> members = new ArrayList<>();
			// the first complaint was decided before the outage was detected: no incident
			// yet
			members.add(open(complaints.get(0), null));
			members.add(open(complaints.get(1), incidentId));
			this.publisher.publishAndWait(TestEvents.incident(incidentId, now, complaints));
			String incidentCaseId = CaseOpening.incidentCaseIdFor(incidentId);
			await().atMost(SOON)
				.until(() -> agent().get("/api/v1/cases/" + incidentCaseId).json(),
						(json) -> json.has("memberCaseIds") && json.get("memberCaseIds").size() == 2);
			for (String member : members) {
				JsonNode memberCase = await().atMost(SOON)
					.until(() -> agent().get("/api/v1/cases/" + member).json(),
							(json) -> json.path("incidentCaseId").asString("").equals(incidentCaseId));
				// the outage's notice and compensation follow the incident id
				assertThat(memberCase.get("incidentId").asString()).isEqualTo(incidentId);
			}

			// a member waiting on its customer when the outage ends is not resolved with
			// it
			String waiting = members.get(0);
			act(waiting, WAIT);

			JsonNode incident = agent().post(path(incidentCaseId, RESOLVE), null, BODIES.get(RESOLVE)).json();

			assertThat(incident.get("kind").asString()).isEqualTo("INCIDENT");
			assertThat(incident.get("status").asString()).isEqualTo("RESOLVED");
			assertThat(agent().get("/api/v1/cases/" + waiting).json().get("status").asString())
				.isEqualTo("WAITING_ON_CUSTOMER");
			// once it is back at work, resolving the resolved incident case again
			// resolves it, with the incident's resolution
			act(waiting, RESUME);
			Answer again = supervisor().post(path(incidentCaseId, RESOLVE), "again",
					"{\"resolution\":\"other words\"}");
			assertThat(again.code()).isEqualTo(200);
			for (String member : members) {
				JsonNode memberCase = agent().get("/api/v1/cases/" + member).json();
				assertThat(memberCase.get("status").asString()).isEqualTo("RESOLVED");
				// the compensation the outage notice promises is granted on the case
				assertThat(memberCase.get("chosenRemedy").get("kind").asString()).isEqualTo("BILL_CREDIT");
				assertThat(memberCase.get("chosenRemedy").get("amount").asInt()).isEqualTo(100);
				assertThat(memberCase.get("resolution").asString()).isEqualTo(incident.get("resolution").asString());
				assertThat(memberCase.get("incidentCaseId").asString()).isEqualTo(incidentCaseId);
				assertThat(milestone(memberCase, "CALLBACK", 1).get("status").asString()).isEqualTo("OPEN");
			}
			await().atMost(SOON).until(() -> types(cases, members.get(1)).contains("remedy-chosen"));
		}
	}

	@Test
	void aMemberWhoseCaseOpensAfterTheOutagesEventJoinsTheIncident() {
		String incidentId = "INC-" + UUID.randomUUID();
		String complaintId = "CMP-" + UUID.randomUUID();
		String incidentCaseId = CaseOpening.incidentCaseIdFor(incidentId);
		// triage decided the complaint before it detected the outage, and the outage's
		// event, which lists it, reaches followup before the decision does
		publishIncidentAndAwaitItsCase(incidentId, complaintId);

		String member = open(complaintId, null);

		JsonNode memberCase = awaitJoined(member, incidentCaseId);
		assertThat(memberCase.get("incidentId").asString()).isEqualTo(incidentId);
		assertThat(memberCase.get("timeline"))
			.anyMatch((entry) -> "JOINED_INCIDENT".equals(entry.path("action").asString("")));
		assertThat(agent().get("/api/v1/cases/" + incidentCaseId).json().get("memberCaseIds"))
			.anyMatch((id) -> member.equals(id.asString()));
	}

	@Test
	void aMemberLinkedByADeliveryThatFailedBeforeItJoinedJoinsWhenTheEventIsRedelivered() {
		String incidentId = "INC-" + UUID.randomUUID();
		String complaintId = "CMP-" + UUID.randomUUID();
		String incidentCaseId = CaseOpening.incidentCaseIdFor(incidentId);
		String member = open(complaintId, null);
		IncidentDetected event = TestEvents.incident(incidentId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
				List.of(complaintId));
		this.publisher.publishAndWait(event);
		awaitJoined(member, incidentCaseId);
		// what a delivery leaves that linked the member to the incident case and then
		// failed before the member case was saved
		leaveIncident(member);

		this.publisher.publishAndWait(event);

		awaitJoined(member, incidentCaseId);
	}

	@Test
	void aMemberCaseInsertedByADeliveryThatFailedBeforeItJoinedJoinsWhenTheDecisionIsRedelivered() {
		String incidentId = "INC-" + UUID.randomUUID();
		String complaintId = "CMP-" + UUID.randomUUID();
		String incidentCaseId = CaseOpening.incidentCaseIdFor(incidentId);
		publishIncidentAndAwaitItsCase(incidentId, complaintId);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ComplaintTriaged decision = TestEvents.triaged(complaintId, now, new com.complaintflow.events.Deadlines(
				now.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)), null);
		this.publisher.publishAndWait(decision);
		String member = CaseOpening.caseIdFor(complaintId);
		awaitJoined(member, incidentCaseId);
		// what a delivery leaves that inserted the case and then failed before it joined:
		// the case without its incident, the listing still there
		leaveIncident(member);
		this.mongo.insert(new org.bson.Document("_id", member).append("incidentId", incidentId)
			.append("incidentCaseId", incidentCaseId), IncidentListings.COLLECTION);

		this.publisher.publishAndWait(decision);

		awaitJoined(member, incidentCaseId);
	}

	@Test
	void anIncidentCaseTakesNoActionThatSpeaksToACustomer() {
		String incidentId = "INC-" + UUID.randomUUID();
		publishIncidentAndAwaitItsCase(incidentId, "CMP-" + UUID.randomUUID());
		String incidentCaseId = CaseOpening.incidentCaseIdFor(incidentId);

		for (String action : List.of(CONTACT, PROGRESS, WAIT, OFFER)) {
			// custom remedies too: they were checked against the tier an incident lacks
			String body = OFFER.equals(action)
					? "{\"remedies\":[{\"kind\":\"BILL_CREDIT\",\"description\":\"Credit\",\"amount\":5}]}"
					: BODIES.get(action);
			Answer answer = agent().post(path(incidentCaseId, action), UUID.randomUUID().toString(), body);
			assertThat(answer.code()).as(action + " " + answer.json()).isEqualTo(409);
			assertThat(answer.json().path("detail").asString()).contains("incident case");
		}
		assertThat(
				agent().post(path(incidentCaseId, "notes"), UUID.randomUUID().toString(), "{\"text\":\"Crew on site\"}")
					.code())
			.isEqualTo(200);
		assertThat(act(incidentCaseId, RESOLVE).code()).isEqualTo(200);
		assertThat(act(incidentCaseId, CALLBACK).code()).isEqualTo(409);
	}

	private void publishIncidentAndAwaitItsCase(String incidentId, String complaintId) {
		this.publisher.publishAndWait(
				TestEvents.incident(incidentId, Instant.now().truncatedTo(ChronoUnit.MILLIS), List.of(complaintId)));
		await().atMost(SOON)
			.until(() -> agent().get("/api/v1/cases/" + CaseOpening.incidentCaseIdFor(incidentId)).code() == 200);
	}

	private JsonNode awaitJoined(String member, String incidentCaseId) {
		return await().atMost(SOON)
			.until(() -> agent().get("/api/v1/cases/" + member).json(),
					(json) -> json.path("incidentCaseId").asString("").equals(incidentCaseId));
	}

	/**
	 * What a delivery leaves that failed before the member case was saved as a member.
	 */
	private void leaveIncident(String member) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(member)),
				new Update().unset("incidentCaseId").unset("incidentId").inc("version", 1), FollowupCase.class);
	}

	private String caseIn(CaseStatus status) {
		String caseId = open();
		switch (status) {
			case OPEN -> {
			}
			case IN_PROGRESS -> act(caseId, CONTACT);
			case WAITING_ON_CUSTOMER -> act(caseId, WAIT);
			case ESCALATED -> {
				act(caseId, RESOLVE);
				agent().post(path(caseId, CALLBACK), null, "{\"satisfaction\":1,\"problemResolved\":false}");
			}
			case RESOLVED -> act(caseId, RESOLVE);
			case CALLBACK_DONE -> {
				act(caseId, RESOLVE);
				act(caseId, CALLBACK);
			}
			case CLOSED -> {
				act(caseId, RESOLVE);
				act(caseId, CALLBACK);
				act(caseId, CLOSE);
			}
		}
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("status").asString()).isEqualTo(status.name());
		return caseId;
	}

	private String open(String complaintId, String incidentId) {
		return open(complaintId, incidentId, null);
	}

	private String open(String complaintId, String incidentId, Duration progressUpdateEvery) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.publisher.publishAndWait(TestEvents.triaged(complaintId, now, new com.complaintflow.events.Deadlines(
				now.plus(Duration.ofHours(24)), null, null, progressUpdateEvery, Duration.ofHours(24)), incidentId));
		String caseId = CaseOpening.caseIdFor(complaintId);
		awaitOpened(caseId);
		return caseId;
	}

	private Answer act(String caseId, String action) {
		return agent().post(path(caseId, action), UUID.randomUUID().toString(), BODIES.get(action));
	}

	private static String path(String caseId, String action) {
		return "/api/v1/cases/" + caseId + "/" + action;
	}

	private static JsonNode milestone(JsonNode view, String kind, int seq) {
		for (JsonNode milestone : view.get("milestones")) {
			if (kind.equals(milestone.get("kind").asString()) && milestone.get("seq").asInt() == seq) {
				return milestone;
			}
		}
		throw new AssertionError("No milestone " + kind + " #" + seq + " in " + view);
	}

	private static List<String> types(KafkaTestConsumer consumer, String caseId) {
		List<String> types = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : consumer.poll()) {
			if (new String(record.value(), StandardCharsets.UTF_8).contains(caseId)) {
				types.add(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(),
						StandardCharsets.UTF_8));
			}
		}
		return types;
	}

	static {
		assert EnumSet.allOf(CaseStatus.class).equals(ALLOWED.keySet());
	}

}
