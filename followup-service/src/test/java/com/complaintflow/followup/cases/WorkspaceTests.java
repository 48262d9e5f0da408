package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.StaffClient.Answer;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.test.ErasureRaces;
import com.complaintflow.support.test.KafkaTestConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case as an agent needs it, over real HTTP, broker and wire server: the customer's
 * words and contact arrive in either order and once (and not at all when the customer was
 * erased while their poll ran), contact only for agents and supervisors with every read
 * audited, the checklist records who ticked what, ownership moves by claim, transfer and
 * assignment, notes are bounded, and the search finds cases by their fields and words one
 * bounded page at a time.
 */
class WorkspaceTests extends FollowupIntegrationTest {

	static final String WORDS = "宽带每15分钟掉线一次, router lights blinking";

	@Autowired
	MongoTemplate mongo;

	@Test
	void customerWordsArrivingBeforeOrAfterTheTriageReachTheCaseOnce() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String wordsFirst = "CMP-W-" + UUID.randomUUID();
		String triageFirst = "CMP-T-" + UUID.randomUUID();
		this.publisher.publishAndWait(TestEvents.received(wordsFirst, now, WORDS, "张先生", "13800000001"));
		this.publisher.publishAndWait(TestEvents.triaged(wordsFirst, now));
		this.publisher.publishAndWait(TestEvents.triaged(triageFirst, now));
		await().atMost(SOON).until(() -> agent().get(path(triageFirst)).code() == 200);
		this.publisher.publishAndWait(TestEvents.received(triageFirst, now, WORDS, "李女士", "13800000002"));
		// redelivered, both: nothing changes
		this.publisher.publishAndWait(TestEvents.received(wordsFirst, now, WORDS, "张先生", "13800000001"));
		this.publisher.publishAndWait(TestEvents.received(triageFirst, now, WORDS, "李女士", "13800000002"));

		for (String complaintId : List.of(wordsFirst, triageFirst)) {
			JsonNode c = await().atMost(SOON)
				.until(() -> agent().get(path(complaintId)).json(), (json) -> !json.get("complaint").isNull());
			assertThat(c.get("complaint").get("description").asString()).isEqualTo(WORDS);
			assertThat(c.get("complaint").get("believedCause").asString()).isEqualTo("your network is bad");
			assertThat(c.get("complaint").get("expectedRemedy").get("kind").asString()).isEqualTo("FIX");
			assertThat(c.get("complaint").get("address").asString()).isEqualTo("Chaoyang, Building 7");
			assertThat(c.get("customer").get("phone").asString()).startsWith("1380000000");
			assertThat(c.get("contactHidden").asBoolean()).isFalse();
			assertThat(c.get("language").asString()).isEqualTo("zh");
			JsonNode triage = c.get("triage");
			assertThat(triage.get("persona").asString()).isEqualTo("VENTING");
			assertThat(triage.get("emotion").asString()).isEqualTo("ANGER");
			assertThat(triage.get("churnRisk").asString()).isEqualTo("MEDIUM");
			assertThat(triage.get("rootCauseLayer").asString()).isEqualTo("OPERATOR_SIDE");
			assertThat(triage.get("verificationRequired").asBoolean()).isFalse();
			assertThat(triage.get("signals").get(0).asString()).isEqualTo("test");
			assertThat(c.get("checklist")).hasSize(3);
			assertThat(c.get("owner").get("team").asString()).isEqualTo("network-bj");
			// the queue's order: the earliest deadline of the case's open milestones
			Instant earliest = c.get("milestones")
				.findValuesAsString("dueAt")
				.stream()
				.map(Instant::parse)
				.min(Instant::compareTo)
				.orElseThrow();
			assertThat(Instant.parse(c.get("nextDueAt").asString())).isEqualTo(earliest);
			// a redelivery parks the words again for a moment before it finds the case
			await().atMost(SOON)
				.until(() -> this.mongo.getCollection("received_pending")
					.countDocuments(new org.bson.Document("_id", CaseOpening.caseIdFor(complaintId))) == 0);
		}
		assertThat(agent().get(path(wordsFirst)).json().get("customer").get("name").asString()).isEqualTo("张先生");
		assertThat(agent().get(path(triageFirst)).json().get("customer").get("name").asString()).isEqualTo("李女士");
	}

	@Test
	void wordsOfACustomerErasedWhileTheirPollRanAreErasedAgain() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ComplaintReceived received = TestEvents.received("CMP-E-" + UUID.randomUUID(), now, WORDS, "王先生",
				"13800000009");
		// only the recheck after the poll's writes sees this erasure, as in the race
		ErasureRaces.markErasedElsewhere(this.mongo, received.customerId(), now.plusMillis(1));

		RecordMetadata sent = this.publisher.publish(received).get().getRecordMetadata();

		ErasureRaces.awaitPollDone("followup", sent, SOON);
		assertThat(this.mongo.getCollection("received_pending")
			.countDocuments(new org.bson.Document("customerId", received.customerId()))).isZero();
	}

	@Test
	void contactOnlyForAgentsAndSupervisorsAndEveryReadAudited() {
		String caseId = openWithWords();
		JsonNode asOps = ops().get("/api/v1/cases/" + caseId).json();
		assertThat(asOps.get("customer").isNull()).isTrue();
		assertThat(asOps.get("contactHidden").asBoolean()).isTrue();
		assertThat(asOps.get("complaint").get("description").asString()).isEqualTo(WORDS);
		String audit = "/api/v1/audit/contact-reads?caseId=" + caseId;
		assertThat(supervisor().get(audit).json().get("items")).isEmpty();

		agent().get("/api/v1/cases/" + caseId);
		agent2().get("/api/v1/cases/" + caseId);

		JsonNode reads = ops().get(audit).json().get("items");
		assertThat(reads).hasSize(2);
		assertThat(reads.findValuesAsString("staffId")).containsExactly("agent2", "agent");
		assertThat(reads.get(0).get("endpoint").asString()).isEqualTo("GET /api/v1/cases/{caseId}");
		assertThat(supervisor().get(audit + "&staffId=agent").json().get("items")).hasSize(1);
		assertThat(agent().get(audit).code()).isEqualTo(403);
		assertThat(ops().get(audit + "&size=0").code()).isEqualTo(400);
		assertThat(ops().get(audit + "&from=yesterday").code()).isEqualTo(400);
		// the list and the search never carry contact, nor the customer's words or the
		// notes, so they are not audited
		JsonNode listed = agent().get("/api/v1/cases?complaintId=" + complaintOf(caseId)).json().get(0);
		assertThat(listed.get("caseId").asString()).isEqualTo(caseId);
		assertThat(listed.get("customer").isNull()).isTrue();
		assertThat(listed.get("complaint").isNull()).isTrue();
		assertThat(listed.get("notes").isNull()).isTrue();
		assertThat(listed.get("timeline").isNull()).as("its entries carry staff's words").isTrue();
		assertThat(listed.get("triage").get("signals")).as("they can quote the customer's words").isEmpty();
		assertThat(ops().get("/api/v1/cases/" + caseId).json().get("triage").get("signals")).isNotEmpty();
		assertThat(ops().get("/api/v1/cases/" + caseId).json().get("complaint").isNull()).isFalse();
		agent().get("/api/v1/cases/search?customerId=C-" + complaintOf(caseId));
		assertThat(ops().get(audit).json().get("items")).hasSize(2);
	}

	@Test
	void checklistTicksRecordWhoAndWhenAndRetriesChangeNothing() {
		String caseId = openWithWords();
		JsonNode ticked = agent().post(step(caseId, 1), "tick-1", "{\"done\":true}").json();
		JsonNode item = ticked.get("checklist").get(1);
		assertThat(item.get("done").asBoolean()).isTrue();
		assertThat(item.get("doneBy").asString()).isEqualTo("agent");
		assertThat(item.get("doneAt").isNull()).isFalse();
		assertThat(ticked.get("checklist").get(0).get("done").asBoolean()).isFalse();
		agent().post(step(caseId, 1), "tick-1", "{\"done\":true}");
		JsonNode unticked = agent2().post(step(caseId, 1), "untick-1", "{\"done\":false}").json();
		assertThat(unticked.get("checklist").get(1).get("doneBy").isNull()).isTrue();
		assertThat(unticked.get("timeline").findValuesAsString("action")).containsOnlyOnce("STEP_DONE")
			.containsOnlyOnce("STEP_UNDONE");

		assertThat(agent().post(step(caseId, 3), null, "{\"done\":true}").code()).isEqualTo(404);
		assertThat(agent().post(step(caseId, -1), null, "{\"done\":true}").code()).isEqualTo(404);
		assertThat(agent().post(step(caseId, 0), null, "{}").code()).isEqualTo(400);
		assertThat(ops().post(step(caseId, 0), null, "{\"done\":true}").code()).isEqualTo(403);
	}

	@Test
	void anActionThatChangesNothingPublishesNothing() {
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			String caseId = openWithWords();
			agent().post(act(caseId, "claim"), "claim-1", null);
			assertThat(agent().post(act(caseId, "claim"), "claim-2", null).code()).as("owns it already").isEqualTo(200);
			agent().post(step(caseId, 0), "tick-1", "{\"done\":true}");
			assertThat(agent().post(step(caseId, 0), "tick-2", "{\"done\":true}").code()).as("ticked already")
				.isEqualTo(200);
			agent().post(act(caseId, "release"), "release-1", null);
			assertThat(agent().post(act(caseId, "release"), "release-2", null).code()).as("nobody owns it")
				.isEqualTo(200);
			agent().post(act(caseId, "claim"), "claim-3", null);

			// one case's events keep their order: the last claim's comes after any other
			List<String> worked = new ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : cases.poll()) {
					String json = new String(record.value(), StandardCharsets.UTF_8);
					if (json.contains(caseId) && "case-worked".equals(new String(
							record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))) {
						worked.add(EventJson.mapper().readTree(json).get("kind").asString());
					}
				}
				return worked.size() >= 4;
			});
			assertThat(worked).containsExactly("CLAIMED", "STEP_DONE", "RELEASED", "CLAIMED");
		}
	}

	@Test
	void ownershipMovesByClaimTransferAssignAndRelease() {
		String caseId = openWithWords();
		JsonNode claimed = agent().post(act(caseId, "claim"), "c1", null).json();
		assertThat(claimed.get("owner").get("agent").asString()).isEqualTo("agent");
		assertThat(claimed.get("owner").get("team").asString()).isEqualTo("network-bj");

		Answer taken = agent2().post(act(caseId, "claim"), null, null);
		assertThat(taken.code()).isEqualTo(409);
		assertThat(taken.json().get("owner").asString()).isEqualTo("agent");
		assertThat(
				agent2().post(act(caseId, "transfer"), null, "{\"agent\":\"agent2\",\"reason\":\"mine now\"}").code())
			.isEqualTo(409);
		assertThat(agent().post(act(caseId, "assign"), null, "{\"agent\":\"agent2\"}").code()).isEqualTo(403);

		JsonNode transferred = agent()
			.post(act(caseId, "transfer"), "t1", "{\"team\":\"billing-sh\",\"reason\":\"billing dispute\"}")
			.json();
		assertThat(transferred.get("owner").get("team").asString()).isEqualTo("billing-sh");
		assertThat(transferred.get("owner").get("agent").isNull()).isTrue();
		assertThat(transferred.get("queue").asString()).isEqualTo("billing-sh");

		JsonNode assigned = supervisor()
			.post(act(caseId, "assign"), "a1", "{\"team\":\"network-bj\",\"agent\":\"agent2\"}")
			.json();
		assertThat(assigned.get("owner").get("agent").asString()).isEqualTo("agent2");
		assertThat(agent().post(act(caseId, "release"), null, null).code()).isEqualTo(409);
		JsonNode released = agent2().post(act(caseId, "release"), "r1", null).json();
		assertThat(released.get("owner").get("agent").isNull()).isTrue();
		assertThat(released.get("timeline").findValuesAsString("action")).contains("OWNER_CLAIMED", "OWNER_TRANSFERRED",
				"OWNER_ASSIGNED", "OWNER_RELEASED");

		assertThat(supervisor().post(act(caseId, "assign"), null, "{}").code()).isEqualTo(400);
		assertThat(supervisor().post(act(caseId, "assign"), null, "{\"agent\":\"a b\"}").code()).isEqualTo(400);
		assertThat(agent().post(act(caseId, "transfer"), null, "{\"team\":\"x\"}").code()).isEqualTo(400);
		assertThat(agent().post(act("no-such-case", "claim"), null, null).code()).isEqualTo(404);
	}

	@Test
	void aChangeABrowserSendsFromAnotherSiteIsRefused() {
		String caseId = openWithWords();

		Answer crossSite = agent().postFromBrowser(act(caseId, "claim"), "cross-site");
		// another port of the host, or another host of the domain
		Answer sameSite = agent().postFromBrowser(act(caseId, "claim"), "same-site");

		assertThat(crossSite.code()).isEqualTo(403);
		assertThat(crossSite.json().get("title").asString()).isEqualTo("Cross-site request refused");
		assertThat(sameSite.code()).isEqualTo(403);
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("owner").get("agent").isNull()).isTrue();
		// the same browser on the service's own site, and clients that are not browsers
		assertThat(agent().postFromBrowser(act(caseId, "claim"), "same-origin").code()).isEqualTo(200);
		assertThat(agent().post(act(caseId, "release"), null, null).code()).isEqualTo(200);
	}

	@Test
	void unsatisfiedCallbackMovesTheCaseToTheExpertTeam() {
		String caseId = openWithWords();
		agent().post(act(caseId, "claim"), "c", null);
		agent().post(act(caseId, "resolve"), "r", "{\"resolution\":\"Line card replaced\"}");
		JsonNode escalated = agent()
			.post(act(caseId, "callback"), "cb", "{\"satisfaction\":2,\"problemResolved\":false}")
			.json();
		assertThat(escalated.get("status").asString()).isEqualTo("ESCALATED");
		assertThat(escalated.get("owner").get("team").asString()).isEqualTo("experts");
		assertThat(escalated.get("owner").get("agent").isNull()).isTrue();
		assertThat(escalated.get("timeline").findValuesAsString("action")).contains("OWNER_ESCALATED");
	}

	@Test
	void aCaseEscalatedToTheSupervisorsIsTakenOrMovedOnlyByASupervisor() {
		String caseId = openWithWords();
		// as the supervisor rung of a missed milestone does
		assertThat(supervisor().post(act(caseId, "assign"), "to-supervisors", "{\"team\":\"supervisors\"}").code())
			.isEqualTo(200);

		Answer claimed = agent().post(act(caseId, "claim"), "agent-claim", null);
		Answer movedBack = agent().post(act(caseId, "transfer"), "agent-transfer",
				"{\"team\":\"billing\",\"reason\":\"not for them\"}");

		assertThat(claimed.code()).isEqualTo(409);
		assertThat(claimed.json().get("detail").asString()).contains("escalated to the supervisors");
		assertThat(movedBack.code()).isEqualTo(409);
		JsonNode still = agent().get("/api/v1/cases/" + caseId).json();
		assertThat(still.get("owner").get("team").asString()).isEqualTo("supervisors");
		assertThat(still.get("owner").get("agent").isNull()).isTrue();
		// a supervisor hands it back to a team of agents, whose agents take it again
		assertThat(supervisor()
			.post(act(caseId, "transfer"), "back", "{\"team\":\"billing\",\"reason\":\"an agent can call back\"}")
			.code()).isEqualTo(200);
		assertThat(agent().post(act(caseId, "claim"), "agent-claim-2", null).code()).isEqualTo(200);
	}

	@Test
	void notesAreKeptWithAuthorAndBounded() {
		String caseId = openWithWords();
		JsonNode noted = agent().post(act(caseId, "notes"), "n1", "{\"text\":\"Prefers a call after 18:00\"}").json();
		agent().post(act(caseId, "notes"), "n1", "{\"text\":\"Prefers a call after 18:00\"}");
		assertThat(noted.get("notes")).hasSize(1);
		assertThat(noted.get("notes").get(0).get("author").asString()).isEqualTo("agent");
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("notes")).hasSize(1);
		assertThat(agent().post(act(caseId, "notes"), null, "{\"text\":\"\"}").code()).isEqualTo(400);
		assertThat(agent().post(act(caseId, "notes"), null, "{\"text\":\"" + "x".repeat(2001) + "\"}").code())
			.isEqualTo(400);
		for (int i = 1; i < FollowupCase.MAX_NOTES; i++) {
			assertThat(agent().post(act(caseId, "notes"), "bulk-" + i, "{\"text\":\"note " + i + "\"}").code())
				.isEqualTo(200);
		}
		Answer full = agent().post(act(caseId, "notes"), "one-too-many", "{\"text\":\"one too many\"}");
		assertThat(full.code()).isEqualTo(409);
		assertThat(full.json().get("action").asString()).isEqualTo("note");
	}

	@Test
	void concurrentActionsOnOneCaseAreEachAppliedOnce() throws Exception {
		String caseId = openWithWords();
		int writers = 12;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String key = "parallel-" + i;
				answers.add(pool
					.submit(() -> agent().post(act(caseId, "notes"), key, "{\"text\":\"" + key + "\"}").code()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(agent().get("/api/v1/cases/" + caseId).json().get("notes").findValuesAsString("text"))
			.hasSize(writers)
			.doesNotHaveDuplicates();
	}

	@Test
	void searchFindsCasesByFieldsAndWordsOnePageAtATime() {
		String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		List<String> caseIds = List.of(openWithWords("停机 " + marker + " 账单错误"), openWithWords("宽带掉线 " + marker),
				openWithWords("宽带每天掉线两次 " + marker));
		String byWords = "/api/v1/cases/search?q=";

		assertThat(ids(agent().get(byWords + marker).json())).containsExactlyInAnyOrderElementsOf(caseIds);
		assertThat(ids(agent().get(byWords + "掉线," + marker).json())).containsExactlyInAnyOrder(caseIds.get(1),
				caseIds.get(2));
		assertThat(ids(agent().get(byWords + "宽带掉线," + marker.toUpperCase()).json()))
			.containsExactlyInAnyOrder(caseIds.get(1), caseIds.get(2));
		assertThat(ids(agent().get(byWords + "每天," + marker).json())).containsExactly(caseIds.get(2));
		assertThat(ids(ops().get(byWords + "账单," + marker).json())).containsExactly(caseIds.get(0));

		String customer = "C-" + complaintOf(caseIds.get(0));
		JsonNode one = agent().get("/api/v1/cases/search?customerId=" + customer).json();
		assertThat(ids(one)).containsExactly(caseIds.get(0));
		assertThat(one.get("items").get(0).has("customer")).isFalse();
		assertThat(one.get("items").get(0).get("owner").get("team").asString()).isEqualTo("network-bj");

		agent().post(act(caseIds.get(2), "claim"), "c", null);
		String mine = "/api/v1/cases/search?agent=agent&q=" + marker;
		assertThat(ids(agent().get(mine).json())).containsExactly(caseIds.get(2));
		assertThat(ids(agent()
			.get("/api/v1/cases/search?unassigned=true&team=network-bj&status=OPEN&status=IN_PROGRESS&q=" + marker)
			.json())).containsExactlyInAnyOrder(caseIds.get(0), caseIds.get(1));

		JsonNode first = agent().get(byWords + marker + "&size=2&sort=oldest").json();
		JsonNode second = agent().get(byWords + marker + "&size=2&sort=oldest&page=1").json();
		assertThat(first.get("hasMore").asBoolean()).isTrue();
		assertThat(second.get("hasMore").asBoolean()).isFalse();
		assertThat(ids(first)).containsExactly(caseIds.get(0), caseIds.get(1));
		assertThat(ids(second)).containsExactly(caseIds.get(2));
		Instant opened = Instant.parse(first.get("items").get(1).get("openedAt").asString());
		assertThat(ids(agent().get(byWords + marker + "&openedFrom=" + opened).json()))
			.containsExactlyInAnyOrder(caseIds.get(1), caseIds.get(2));
		assertThat(ids(agent().get(byWords + marker + "&openedTo=" + opened).json())).containsExactly(caseIds.get(0));

		for (String bad : List.of("size=0", "size=101", "page=-1", "page=1001", "sort=random", "status=NOPE",
				"category=WEATHER", "openedFrom=yesterday", "q=ab,b1,c2,d3,e4,f5,g6,h7,i8,j9", "q=" + "x".repeat(201),
				"customerId=" + "c".repeat(65), "openedFrom=2026-02-01T00:00:00Z&openedTo=2026-01-01T00:00:00Z")) {
			Answer answer = agent().get("/api/v1/cases/search?" + bad);
			assertThat(answer.code()).as(bad).isEqualTo(400);
			assertThat(answer.json().get("status").asInt()).as(bad).isEqualTo(400);
		}
	}

	@Test
	void instantsWithoutAFourDigitYearAreA400NamingTheParameter() {
		// (a '+' in a query string is a space; the later bound is tested with bodies)
		String absurd = "-300000000-01-01T00:00:00Z";
		for (String[] bad : new String[][] { { "/api/v1/cases?dueBefore=" + absurd, "'dueBefore'" },
				{ "/api/v1/cases/search?openedFrom=" + absurd, "\"field\":\"openedFrom\"" },
				{ "/api/v1/cases/search?updatedSince=0000-12-31T23:59:59Z", "\"field\":\"updatedSince\"" },
				{ "/api/v1/audit/contact-reads?from=" + absurd, "\"field\":\"from\"" } }) {
			Answer answer = ops().get(bad[0]);

			assertThat(answer.code()).as(bad[0]).isEqualTo(400);
			assertThat(answer.json().get("status").asInt()).isEqualTo(400);
			assertThat(answer.json().toString()).as(bad[0]).contains(bad[1]);
		}
		assertThat(ops().get("/api/v1/cases?dueBefore=9999-12-31T23:59:59Z&limit=1").code()).isEqualTo(200);
	}

	private String openWithWords() {
		return openWithWords(WORDS);
	}

	private String openWithWords(String words) {
		return openWithWords(words, "王先生", "13900000000");
	}

	private String complaintOf(String caseId) {
		return ops().get("/api/v1/cases/" + caseId).json().get("complaintId").asString();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").findValuesAsString("caseId");
	}

	private static String path(String complaintId) {
		return "/api/v1/cases/" + CaseOpening.caseIdFor(complaintId);
	}

	private static String act(String caseId, String action) {
		return "/api/v1/cases/" + caseId + "/" + action;
	}

	private static String step(String caseId, int index) {
		return act(caseId, "checklist/" + index);
	}

}
