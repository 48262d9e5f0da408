package com.complaintflow.intake.status;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.CallbackCompleted;
import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CaseResolved;
import com.complaintflow.events.CaseResumed;
import com.complaintflow.events.CaseWaitingOnCustomer;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.CustomerContacted;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ProgressUpdated;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.ValueTier;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import com.complaintflow.intake.SampleComplaints;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.ErasureRaces;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer-facing status follows triage and the case lifecycle from Kafka, speaks
 * plain words with promised times, and only to the channel that submitted the complaint;
 * a customer erased while their poll ran has no status left.
 */
class ComplaintStatusTests extends IntakeIntegrationTest {

	private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

	@Autowired
	EventPublisher publisher;

	@Autowired
	MongoTemplate mongo;

	@Test
	void acceptedComplaintIsReadableByItsChannelOnly() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5001"));

		// the status consumer writes it a moment after the 202, off the request path
		HttpResponse<String> own = await().atMost(Duration.ofSeconds(15))
			.until(() -> http().get(IntakeHttp.HOTLINE_KEY, "/api/v1/complaints/" + complaintId),
					(response) -> response.statusCode() == 200);
		HttpResponse<String> other = http().get(IntakeHttp.STORE_KEY, "/api/v1/complaints/" + complaintId);
		HttpResponse<String> unknown = http().get(IntakeHttp.HOTLINE_KEY, "/api/v1/complaints/CMP-nope");

		assertThat(own.statusCode()).isEqualTo(200);
		JsonNode status = IntakeHttp.json(own.body());
		assertThat(status.path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(status.path("message").asString()).contains("received your complaint");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(other.body()).isEqualTo(unknown.body().replace("CMP-nope", complaintId));
	}

	@Test
	void theStatusOfACustomerErasedWhileTheirPollRanIsErasedAgain() throws Exception {
		String complaintId = "CMP-" + UUID.randomUUID();
		ComplaintTriaged triaged = triaged(complaintId, "C-" + complaintId, T0);
		// only the recheck after the poll's writes sees this erasure, as in the race
		ErasureRaces.markErasedElsewhere(this.mongo, triaged.customerId(), T0.plusMillis(1));

		RecordMetadata sent = this.publisher.publish(triaged).get().getRecordMetadata();

		ErasureRaces.awaitPollDone("intake", sent, Duration.ofSeconds(30));
		assertThat(this.mongo.findById(complaintId, org.bson.Document.class, ComplaintStatus.COLLECTION)).isNull();
		assertThat(http().get(IntakeHttp.HOTLINE_KEY, "/api/v1/complaints/" + complaintId).statusCode()).isEqualTo(404);
	}

	@Test
	void triageAndCaseEventsMoveTheStatusAndStateThePromises() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5002"));

		this.publisher.publishAndWait(triaged(complaintId, "C-5002", T0));
		JsonNode inProgress = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "IN_PROGRESS");
		// most pressing first: the engineer in 30 minutes, the answer in 2 hours, the
		// response in 24
		assertThat(kinds(inProgress)).containsExactly("ENGINEER_CONTACT", "PROMISED_ANSWER", "FIRST_RESPONSE");
		assertThat(inProgress.path("promises").get(0).path("message").asString())
			.isEqualTo("An engineer will contact you by 14:30 on 22 Nov 2026.");

		this.publisher.publishAndWait(new CaseOpened(EventMetadata.newEventId(), "followup", T0.plusSeconds(1),
				complaintId, "C-5002", 1, "CASE-1", Channel.HOTLINE, "BJ-CY", Category.NETWORK, Priority.P2,
				Playbook.NETWORK_FAULT, "network-ops", null,
				List.of(new MilestoneDue(MilestoneKind.ENGINEER_CONTACT, T0.plus(Duration.ofMinutes(30))))));
		this.publisher.publishAndWait(new CustomerContacted(EventMetadata.newEventId(), "followup", T0.plusSeconds(600),
				complaintId, "C-5002", 1, "CASE-1", "agent-7",
				List.of(MilestoneKind.ENGINEER_CONTACT, MilestoneKind.FIRST_RESPONSE)));
		JsonNode contacted = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "CONTACTED");
		assertThat(contacted.path("promises").valueStream().map((promise) -> promise.path("kind").asString()))
			.containsExactly("PROMISED_ANSWER");

		this.publisher.publishAndWait(new CaseResolved(EventMetadata.newEventId(), "followup", T0.plusSeconds(3600),
				complaintId, "C-5002", 1, "CASE-1", "agent-7", "Replaced the modem", T0.plus(Duration.ofHours(25))));
		JsonNode resolved = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "RESOLVED");
		assertThat(resolved.path("message").asString()).contains("awaiting your feedback");
		assertThat(resolved.path("promises").get(0).path("message").asString())
			.isEqualTo("We will call you by 15:00 on 23 Nov 2026 to check that everything is fine.");
	}

	@Test
	void pauseAndResumeShowTheWaitThenTheStageBeforeItWithTheMovedDeadline() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5004"));
		ComplaintTriaged triaged = triaged(complaintId, "C-5004", T0);
		this.publisher.publishAndWait(triaged);
		this.publisher.publishAndWait(new CustomerContacted(EventMetadata.newEventId(), "followup", T0.plusSeconds(600),
				complaintId, "C-5004", 1, "CASE-4", "agent-7",
				List.of(MilestoneKind.ENGINEER_CONTACT, MilestoneKind.FIRST_RESPONSE)));
		awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "CONTACTED");

		this.publisher.publishAndWait(new CaseWaitingOnCustomer(EventMetadata.newEventId(), "followup",
				T0.plusSeconds(700), complaintId, "C-5004", 1, "CASE-4", "agent-7", "needs the router's serial",
				T0.plusSeconds(700), List.of(MilestoneKind.PROMISED_ANSWER)));
		JsonNode waiting = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "WAITING_ON_CUSTOMER");
		assertThat(waiting.path("message").asString()).contains("waiting for information from you");
		assertThat(waiting.path("promises").isEmpty()).isTrue();

		this.publisher.publishAndWait(new CaseResumed(EventMetadata.newEventId(), "followup", T0.plusSeconds(4300),
				complaintId, "C-5004", 1, "CASE-4", "agent-7", T0.plusSeconds(4300), Duration.ofHours(1),
				List.of(new MilestoneDue(MilestoneKind.PROMISED_ANSWER, T0.plus(Duration.ofHours(25))))));
		JsonNode resumed = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "CONTACTED");
		assertThat(resumed.path("promises").get(0).path("message").asString())
			.isEqualTo("We will give you an answer or fix by 15:00 on 23 Nov 2026.");

		// triage resends its stored decision (a duplicate complaint-received): its
		// deadlines are older than the resume's and must not bring the paused time back
		this.publisher.publishAndWait(triaged);
		JsonNode resent = await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(6))
			.until(() -> read(IntakeHttp.HOTLINE_KEY, complaintId),
					(view) -> "CONTACTED".equals(view.path("status").asString())
							&& kinds(view).equals(List.of("PROMISED_ANSWER"))
							&& "2026-11-23T07:00:00Z".equals(view.path("promises").get(0).path("dueAt").asString()));
		assertThat(resent.path("promises").get(0).path("message").asString())
			.isEqualTo("We will give you an answer or fix by 15:00 on 23 Nov 2026.");
	}

	@Test
	void eachEscalationLevelSaysWhoHasTheCaseAndKeepsTheOpenPromises() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5005"));
		this.publisher.publishAndWait(triaged(complaintId, "C-5005", T0));
		awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "IN_PROGRESS");

		this.publisher
			.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup", T0.plusSeconds(100), complaintId,
					"C-5005", 1, "CASE-5", EscalationLevel.AGENT, "reminder", MilestoneKind.FIRST_RESPONSE, null));
		this.publisher.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup", T0.plusSeconds(200),
				complaintId, "C-5005", 1, "CASE-5", EscalationLevel.SUPERVISOR, "FIRST_RESPONSE not met",
				MilestoneKind.FIRST_RESPONSE, null));
		JsonNode supervised = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "SUPERVISED");
		assertThat(supervised.path("message").asString()).isEqualTo("A supervisor is now overseeing your complaint.");
		assertThat(kinds(supervised)).contains("PROMISED_ANSWER");

		this.publisher.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup", T0.plusSeconds(300),
				complaintId, "C-5005", 1, "CASE-5", EscalationLevel.EXPERT_TEAM, "staff escalation",
				MilestoneKind.PROMISED_ANSWER, T0.plus(Duration.ofHours(48))));
		JsonNode escalated = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "ESCALATED");
		assertThat(escalated.path("message").asString()).contains("expert team");
		assertThat(kinds(escalated)).containsExactly("PROMISED_ANSWER", "ESCALATED_RESOLUTION");
	}

	@Test
	void aCaseTheCallbackReopensNeverShowsAProgressUpdateFromBeforeItsResolution() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5006"));
		this.publisher.publishAndWait(triaged(complaintId, "C-5006", T0));
		this.publisher.publishAndWait(new ProgressUpdated(EventMetadata.newEventId(), "followup", T0.plusSeconds(600),
				complaintId, "C-5006", 1, "CASE-6", "agent-7", "Engineer booked", T0.plus(Duration.ofHours(4))));
		CaseResolved resolved = new CaseResolved(EventMetadata.newEventId(), "followup", T0.plusSeconds(3600),
				complaintId, "C-5006", 1, "CASE-6", "agent-7", "Replaced the modem", T0.plus(Duration.ofHours(25)));
		this.publisher.publishAndWait(resolved);
		awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "RESOLVED");

		CallbackCompleted callback = new CallbackCompleted(EventMetadata.newEventId(), "followup",
				T0.plus(Duration.ofHours(20)), complaintId, "C-5006", 1, "CASE-6", "agent-7", 2, true);
		this.publisher.publishAndWait(callback);
		this.publisher.publishAndWait(
				new CaseEscalated(EventMetadata.newEventId(), "followup", T0.plus(Duration.ofHours(20)), complaintId,
						"C-5006", 1, "CASE-6", EscalationLevel.EXPERT_TEAM, "Customer unsatisfied at callback (2/5)",
						MilestoneKind.ESCALATED_RESOLUTION, T0.plus(Duration.ofHours(44))));
		JsonNode reopened = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "ESCALATED");
		assertThat(kinds(reopened)).containsExactly("ESCALATED_RESOLUTION");

		this.publisher
			.publishAndWait(new ProgressUpdated(EventMetadata.newEventId(), "followup", T0.plus(Duration.ofHours(21)),
					complaintId, "C-5006", 1, "CASE-6", "agent-7", "Expert on it", T0.plus(Duration.ofHours(25))));
		JsonNode updated = await().atMost(Duration.ofSeconds(15))
			.until(() -> read(IntakeHttp.HOTLINE_KEY, complaintId), (view) -> kinds(view).size() == 2);
		assertThat(kinds(updated)).containsExactly("PROGRESS_UPDATE", "ESCALATED_RESOLUTION");
		assertThat(updated.path("promises").get(0).path("dueAt").asString()).isEqualTo("2026-11-23T07:00:00Z");
		// the first resolution, redelivered (or re-driven) now, meets none of the
		// promises
		// made since, and the promise it counts as met stays the one the view shows
		this.publisher.publishAndWait(resolved);
		this.publisher.publishAndWait(new ProgressUpdated(EventMetadata.newEventId(), "followup",
				T0.plus(Duration.ofHours(21)).plusSeconds(1), complaintId, "C-5006", 1, "CASE-6", "agent-7",
				"Still on it", T0.plus(Duration.ofHours(26))));
		JsonNode afterRedelivery = await().atMost(Duration.ofSeconds(15))
			.until(() -> read(IntakeHttp.HOTLINE_KEY, complaintId),
					(view) -> view.path("promises").toString().contains("2026-11-23T08:00:00Z"));
		assertThat(kinds(afterRedelivery)).containsExactly("PROGRESS_UPDATE", "ESCALATED_RESOLUTION");

		// the experts' deadline still shows when a supervisor rung fires on it
		this.publisher.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup",
				T0.plus(Duration.ofHours(50)), complaintId, "C-5006", 1, "CASE-6", EscalationLevel.SUPERVISOR,
				"ESCALATED_RESOLUTION not met", MilestoneKind.ESCALATED_RESOLUTION, null));
		JsonNode supervised = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "SUPERVISED");
		assertThat(kinds(supervised)).contains("ESCALATED_RESOLUTION");
		// the first callback, redelivered now (it has the instant of the reopening)
		this.publisher.publishAndWait(callback);
		// resolved a second time: the new callback is the promise, though the first was
		// met
		this.publisher.publishAndWait(
				new CaseResolved(EventMetadata.newEventId(), "followup", T0.plus(Duration.ofHours(51)), complaintId,
						"C-5006", 1, "CASE-6", "expert-1", "Line card replaced", T0.plus(Duration.ofHours(75))));
		JsonNode resolvedAgain = await().atMost(Duration.ofSeconds(15))
			.until(() -> read(IntakeHttp.HOTLINE_KEY, complaintId),
					(view) -> view.path("status").asString().equals("RESOLVED"));
		assertThat(kinds(resolvedAgain)).containsExactly("CALLBACK");
		assertThat(resolvedAgain.path("promises").get(0).path("dueAt").asString()).isEqualTo("2026-11-25T09:00:00Z");
	}

	@Test
	void aLateCallbackTakenOverBySomeoneElseLeavesTheCallbackAsTheOnePromise() {
		String complaintId = submit(IntakeHttp.HOTLINE_KEY, SampleComplaints.broadband("C-5009"));
		this.publisher.publishAndWait(triaged(complaintId, "C-5009", T0));
		this.publisher.publishAndWait(new CaseResolved(EventMetadata.newEventId(), "followup", T0.plusSeconds(3600),
				complaintId, "C-5009", 1, "CASE-9", "ops", "Outage over", T0.plus(Duration.ofHours(25))));
		awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "RESOLVED");

		this.publisher.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup",
				T0.plus(Duration.ofHours(32)), complaintId, "C-5009", 1, "CASE-9", EscalationLevel.SUPERVISOR,
				"CALLBACK not met", MilestoneKind.CALLBACK, null));
		JsonNode supervised = awaitStatus(IntakeHttp.HOTLINE_KEY, complaintId, "SUPERVISED");

		// never the first response or the engineer's visit of before the resolution
		assertThat(kinds(supervised)).containsExactly("CALLBACK");
	}

	private static List<String> kinds(JsonNode view) {
		return view.path("promises").valueStream().map((promise) -> promise.path("kind").asString()).toList();
	}

	@Test
	void aLateOrRedeliveredEventNeverMovesTheStatusBack() {
		String complaintId = submit(IntakeHttp.APP_KEY, SampleComplaints.minimal("C-5003", "宽带又断了"));
		this.publisher.publishAndWait(new CaseResolved(EventMetadata.newEventId(), "followup", T0.plusSeconds(3600),
				complaintId, "C-5003", 1, "CASE-2", "agent-7", null, T0.plus(Duration.ofHours(25))));
		awaitStatus(IntakeHttp.APP_KEY, complaintId, "RESOLVED");

		ComplaintTriaged late = triaged(complaintId, "C-5003", T0);
		this.publisher.publishAndWait(late);
		this.publisher.publishAndWait(late);

		JsonNode status = await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> read(IntakeHttp.APP_KEY, complaintId),
					(view) -> "RESOLVED".equals(view.path("status").asString()));
		assertThat(status.path("message").asString()).isEqualTo("您的问题已解决，期待您的反馈。");
		assertThat(status.path("promises").get(0).path("message").asString())
			.isEqualTo("我们将在2026年11月23日 15:00前回访您，确认问题已解决。");
	}

	private String submit(String apiKey, String body) {
		HttpResponse<String> response = http().submit(apiKey, null, body);
		assertThat(response.statusCode()).isEqualTo(202);
		return IntakeHttp.json(response.body()).path("complaintId").asString();
	}

	private JsonNode awaitStatus(String apiKey, String complaintId, String expected) {
		return await().atMost(Duration.ofSeconds(15))
			.until(() -> read(apiKey, complaintId), (view) -> expected.equals(view.path("status").asString()));
	}

	private JsonNode read(String apiKey, String complaintId) {
		return IntakeHttp.json(http().get(apiKey, "/api/v1/complaints/" + complaintId).body());
	}

	private static ComplaintTriaged triaged(String complaintId, String customerId, Instant at) {
		return new ComplaintTriaged(EventMetadata.newEventId(), "triage", at, complaintId, customerId, 1,
				Channel.HOTLINE, "BJ-CY", ValueTier.GOLD, Category.NETWORK, Nature.VALID, Persona.VENTING,
				Emotion.ANGER, RootCauseLayer.OPERATOR_SIDE, ChurnRisk.MEDIUM, Playbook.NETWORK_FAULT,
				List.of("Listen first"), Priority.P2,
				List.of(new RemedyOption(RemedyKind.DATA_BONUS, "10 GB", BigDecimal.TEN)), false,
				new Deadlines(at.plus(Duration.ofHours(24)), at.plus(Duration.ofMinutes(30)),
						at.plus(Duration.ofHours(2)), Duration.ofHours(4), Duration.ofHours(24)),
				"network-ops", null, 0, new Explanation("rules-1", List.of(), Map.of()), Language.EN, null);
	}

}
