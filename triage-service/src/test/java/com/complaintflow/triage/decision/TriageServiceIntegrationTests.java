package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.CaseEscalated;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Customer;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.Topics;
import com.complaintflow.events.ValueTier;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.ErasureRaces;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.incident.OutageDetector;
import com.complaintflow.triage.model.ModelRegistry;
import com.complaintflow.triage.rules.RulesRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The triage service against the real broker and the MongoDB wire server: complaints in,
 * decisions stored, published once per complaint, served over HTTP; redeliveries, poison
 * records and outages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "complaintflow.triage.outage.threshold=3", "complaintflow.triage.outage.window=10m" })
@ActiveProfiles("local")
class TriageServiceIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private EventPublisher publisher;

	@Autowired
	private KafkaTemplate<Object, Object> template;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private ModelRegistry models;

	@Autowired
	private RulesRegistry rules;

	@Autowired
	private DecisionStore store;

	@Autowired
	private OutageDetector outages;

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Test
	void receivedComplaintIsDecidedStoredAndPublishedWithADeterministicEventId() throws Exception {
		ComplaintReceived complaint = complaint("BJ-CY", "我的宽带每隔15分钟就掉线，已经三天了，你们再不修好我就携号转网！");
		try (KafkaTestConsumer triaged = new KafkaTestConsumer(Topics.TRIAGED)) {
			this.publisher.publishAndWait(complaint);

			JsonNode decision = awaitDecision(complaint.complaintId());
			assertThat(decision.path("category").asString()).isEqualTo("NETWORK");
			assertThat(decision.path("churnRisk").asString()).isEqualTo("HIGH");
			assertThat(decision.path("priority").asString()).isEqualTo("P2");
			assertThat(decision.path("playbook").asString()).isNotBlank();
			assertThat(decision.path("explanation").path("rulesVersion").asString()).isNotBlank();
			ComplaintTriaged published = awaitTriaged(triaged, complaint.complaintId(), 1).get(0);
			assertThat(published.eventId())
				.isEqualTo(EventMetadata.deterministicEventId("complaint-triaged", complaint.complaintId()));
			assertThat(published.remedies()).hasSizeBetween(2, 3);
			assertThat(published.deadlines().engineerContactBy()).isEqualTo(complaint.occurredAt().plusSeconds(1800));
			// the Chinese model in force weighed in, and the decision names it
			String inForce = this.models.status()
				.stream()
				.filter((status) -> status.language() == Language.ZH)
				.findFirst()
				.orElseThrow()
				.version();
			assertThat(inForce).contains("-zh-");
			assertThat(published.explanation().modelVersion()).isEqualTo(inForce);
			assertThat(decision.path("explanation").path("modelVersion").asString()).isEqualTo(inForce);
		}
	}

	@Test
	void redeliveredComplaintRepublishesTheStoredDecisionUnchanged() throws Exception {
		ComplaintReceived complaint = complaint("SH-PD", "My bill has a charge for a service I never ordered, "
				+ "please refund it. I'm not leaving, I just want it fixed.");
		try (KafkaTestConsumer triaged = new KafkaTestConsumer(Topics.TRIAGED)) {
			this.publisher.publishAndWait(complaint);
			ComplaintTriaged first = awaitTriaged(triaged, complaint.complaintId(), 1).get(0);

			this.publisher.publishAndWait(complaint);

			List<ComplaintTriaged> both = awaitTriaged(triaged, complaint.complaintId(), 2);
			assertThat(both.get(1)).isEqualTo(first);
			assertThat(first.category()).isEqualTo(Category.BILLING);
			assertThat(first.churnRisk()).isEqualTo(ChurnRisk.LOW);
			assertThat(first.playbook()).isEqualTo(Playbook.BILLING_ERROR);
		}
	}

	@Test
	void aNewDecisionsCheckedFieldsAreCountedOnceWithTheirCertaintyAndItsRedeliveryIsNot() {
		// the service's rules, models and store, counting into a registry of this test's
		// own
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		Triage triage = new Triage(this.rules, this.models, this.store, this.outages, new DecidedFields(meters),
				meters);
		ComplaintReceived complaint = complaint("SH-PD",
				"I was charged twice for my phone plan this month, I want the extra charge refunded.");
		TriageBatch batch = triage.begin(List.of(complaint));

		ComplaintTriaged decision = triage.triage(complaint, batch);
		ComplaintTriaged redelivered = triage.triage(complaint, batch);

		assertThat(redelivered).isSameAs(decision);
		assertThat(meters.find("triage.decision.fields").counters().stream().mapToDouble(Counter::count).sum())
			.isEqualTo(4);
		for (String field : List.of("category", "persona", "playbook", "churnRisk")) {
			boolean unsure = Explanation.unsure(decision.explanation().confidence().get(field));
			assertThat(meters.find("triage.decision.fields")
				.tags("field", field, "language", "EN", "unsure", Boolean.toString(unsure))
				.counters()
				.stream()
				.mapToDouble(Counter::count)
				.sum()).as(field).isEqualTo(1);
		}
	}

	@Test
	void poisonRecordGoesToTheDeadLetterTopicAndLaterComplaintsAreStillTriaged() throws Exception {
		try (KafkaTestConsumer dead = new KafkaTestConsumer(Topics.deadLetter(Topics.RECEIVED))) {
			String marker = "not-json-" + UUID.randomUUID();
			this.template.send(Topics.RECEIVED, "C-poison", marker.getBytes(StandardCharsets.UTF_8)).get();

			await().atMost(WAIT)
				.until(() -> dead.poll()
					.stream()
					.anyMatch((record) -> new String(record.value(), StandardCharsets.UTF_8).equals(marker)
							&& record.headers().lastHeader("dlt-reason") != null));
		}
		ComplaintReceived after = complaint("GZ-TH", "Rude agent hung up on me twice");
		this.publisher.publishAndWait(after);
		// the category itself is the rules' and model's business (CombinationTests); here
		// it must be decided
		assertThat(awaitDecision(after.complaintId()).path("category").asString()).isNotBlank();
	}

	@Test
	void aPollIsTriagedInOrderAndItsPoisonRecordAloneIsDeadLettered() throws Exception {
		ComplaintReceived first = complaint("XA-YT", "My bill has a charge I never ordered");
		ComplaintReceived second = sameCustomer(first, "The same wrong charge again on this bill");
		ComplaintReceived third = sameCustomer(first, "Third time I write about this charge");
		String marker = "not-json-" + UUID.randomUUID();
		try (KafkaTestConsumer dead = new KafkaTestConsumer(Topics.deadLetter(Topics.RECEIVED));
				KafkaTestConsumer triaged = new KafkaTestConsumer(Topics.TRIAGED)) {
			// one key, one partition, sent together: one poll (or a few) with the poison
			// record between the complaints
			this.publisher.publish(first);
			this.publisher.publish(second);
			this.template.send(Topics.RECEIVED, first.customerId(), marker.getBytes(StandardCharsets.UTF_8));
			this.publisher.publishAllAndWait(List.of(third));

			assertThat(awaitTriaged(triaged, second.complaintId(), 1).get(0).repeatCount()).isEqualTo(1);
			assertThat(awaitTriaged(triaged, third.complaintId(), 1).get(0).repeatCount()).isEqualTo(2);
			List<String> deadLettered = await().atMost(WAIT)
				.until(() -> dead.poll()
					.stream()
					.filter((record) -> first.customerId().equals(record.key()))
					.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
					.toList(), (values) -> !values.isEmpty());
			assertThat(deadLettered).containsExactly(marker);
		}
	}

	@Test
	void networkComplaintsFromOneRegionOpenOneIncidentThatGrowsAndLaterComplaintsJoinIt() throws Exception {
		String region = "SZ-NS-" + UUID.randomUUID().toString().substring(0, 4);
		try (KafkaTestConsumer incidents = new KafkaTestConsumer(Topics.INCIDENTS)) {
			for (int i = 0; i < 3; i++) {
				ComplaintReceived complaint = complaint(region, "No signal at all since the storm, calls drop");
				this.publisher.publishAndWait(complaint);
				awaitDecision(complaint.complaintId());
			}
			ComplaintReceived later = complaint(region, "Internet is down in the whole building");
			this.publisher.publishAndWait(later);

			JsonNode decision = awaitDecision(later.complaintId());
			assertThat(decision.path("incidentId").asString()).startsWith("INC-" + region);
			assertThat(decision.path("playbook").asString()).isEqualTo(Playbook.NETWORK_FAULT.name());
			assertThat(decision.path("priority").asString()).isEqualTo(Priority.P1.name());
			assertThat(decision.path("remedies").get(0).path("kind").asString())
				.isEqualTo(RemedyKind.MASS_NOTIFICATION.name());
			await().atMost(WAIT).untilAsserted(() -> {
				List<IncidentDetected> events = incidents.poll()
					.stream()
					.map((record) -> EventJson.mapper().readValue(record.value(), IncidentDetected.class))
					.filter((event) -> event.regionCode().equals(region))
					.toList();
				assertThat(events).extracting(IncidentDetected::revision).containsExactly(1, 2);
				assertThat(events.get(1).memberComplaintIds()).hasSize(4).contains(later.complaintId());
				assertThat(events).extracting(IncidentDetected::incidentId).containsOnly(events.get(0).incidentId());
				assertThat(events).extracting(IncidentDetected::customerId).containsOnly(events.get(0).customerId());
			});
		}
	}

	@Test
	void aWaveOfScamCallsIsNoOutageAndAHazardInAnOutageGoesToTheEmergencyTeam() throws Exception {
		String scams = "GZ-TH-" + UUID.randomUUID().toString().substring(0, 4);
		for (int i = 0; i < 4; i++) {
			ComplaintReceived scam = complaint(scams,
					"Someone pretending to be from your company called asking for my bank PIN");
			this.publisher.publishAndWait(scam);
			JsonNode decision = awaitDecision(scam.complaintId());
			assertThat(decision.path("category").asString()).isEqualTo(Category.EMERGENCY.name());
			assertThat(decision.path("incidentId").isMissingNode() || decision.path("incidentId").isNull()).isTrue();
			assertThat(decision.path("playbook").asString()).isEqualTo(Playbook.STANDARD_CARE.name());
		}

		String outage = "GZ-YX-" + UUID.randomUUID().toString().substring(0, 4);
		for (int i = 0; i < 3; i++) {
			ComplaintReceived down = complaint(outage, "No signal at all since the storm, calls drop");
			this.publisher.publishAndWait(down);
			awaitDecision(down.complaintId());
		}
		ComplaintReceived hazard = complaint(outage,
				"A pole on our street is leaning and your cable hangs at head height across the pavement");
		ComplaintReceived hazardAndOutage = complaint(outage,
				"The pole fell in the storm, wires down across the road, and no signal in the whole street");
		this.publisher.publishAndWait(hazard);
		this.publisher.publishAndWait(hazardAndOutage);

		// a hazard alone is no outage signal; one that names the loss of service is part
		// of the outage, and still goes to the emergency team
		JsonNode decision = awaitDecision(hazard.complaintId());
		assertThat(decision.path("category").asString()).isEqualTo(Category.EMERGENCY.name());
		assertThat(decision.path("queue").asString()).isEqualTo("emergency-response");
		assertThat(decision.path("incidentId").isMissingNode() || decision.path("incidentId").isNull()).isTrue();
		JsonNode both = awaitDecision(hazardAndOutage.complaintId());
		assertThat(both.path("category").asString()).isEqualTo(Category.EMERGENCY.name());
		assertThat(both.path("incidentId").asString()).startsWith("INC-" + outage);
		assertThat(both.path("queue").asString()).isEqualTo("emergency-response");
	}

	@Test
	void aComplaintFromBeforeItsCustomersErasureIsSkippedAndOneFromAfterIsDecided() throws Exception {
		ComplaintReceived before = complaint("CD-JJ", "My bill has a charge I never ordered");
		String erasureId = "ERA-" + UUID.randomUUID();
		// the erasure was requested after the complaint, and reaches triage first (the
		// complaint was still in the topic: triage was down or behind)
		try (KafkaTestConsumer erasures = new KafkaTestConsumer(Topics.ERASURES)) {
			this.publisher.publishAndWait(
					new CustomerErased(EventMetadata.newEventId(), "followup", before.occurredAt().plusMillis(1),
							"erasure", before.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, erasureId, "ops"));
			await().atMost(WAIT)
				.until(() -> erasures.poll()
					.stream()
					.anyMatch((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(erasureId)
							&& new String(record.value(), StandardCharsets.UTF_8).contains("customer-data-erased")));
		}
		ComplaintReceived after = sameCustomer(before, "The same customer, back after the erasure: no signal");

		this.publisher.publishAndWait(before);
		this.publisher.publishAndWait(after);

		// one key, one partition: when the later complaint is decided, the earlier one
		// was read, and skipped
		assertThat(awaitDecision(after.complaintId()).path("category").asString()).isNotBlank();
		assertThat(get("/api/v1/triage/decisions/" + before.complaintId(), "ops:ops-dev").statusCode()).isEqualTo(404);
		assertThat(this.mongo.findById(before.customerId(), CustomerHistoryDocument.class).complaints())
			.as("the history holds only the complaint from after the erasure")
			.extracting(PastComplaint::complaintId)
			.containsExactly(after.complaintId());
	}

	@Test
	void aComplaintWhoseCustomerWasErasedWhileItsPollRanIsErasedAgainAndNotPublished() throws Exception {
		ComplaintReceived before = complaint("CD-WH", "My bill has a charge I never ordered");
		// only the recheck after the poll's writes sees this erasure, as in the race
		ErasureRaces.markErasedElsewhere(this.mongo, before.customerId(), before.occurredAt().plusMillis(1));
		try (KafkaTestConsumer triaged = new KafkaTestConsumer(Topics.TRIAGED)) {
			RecordMetadata sent = this.publisher.publish(before).get().getRecordMetadata();

			// its poll done, then the customer's next complaint, in a poll of its own
			ErasureRaces.awaitPollDone("triage", sent, WAIT);
			ComplaintReceived after = sameCustomer(before, "The same customer, back after the erasure: no signal");
			this.publisher.publishAndWait(after);

			awaitTriaged(triaged, after.complaintId(), 1);
			assertThat(triaged.poll()).extracting(ConsumerRecord::value)
				.map((value) -> EventJson.mapper().readValue(value, ComplaintTriaged.class).complaintId())
				.as("the decision of the complaint from before the erasure is not published")
				.doesNotContain(before.complaintId());
			assertThat(get("/api/v1/triage/decisions/" + before.complaintId(), "ops:ops-dev").statusCode())
				.isEqualTo(404);
			assertThat(this.mongo.findById(before.customerId(), CustomerHistoryDocument.class).complaints())
				.extracting(PastComplaint::complaintId)
				.containsExactly(after.complaintId());
		}
	}

	@Test
	void customerWhoseLastComplaintWasMishandledGetsAValidRaisedComplaintNextTime() throws Exception {
		ComplaintReceived first = complaint("HZ-XH", "请问怎么办理宽带提速？");
		this.publisher.publishAndWait(first);
		assertThat(awaitDecision(first.complaintId()).path("nature").asString()).isEqualTo("INQUIRY");
		this.publisher.publishAndWait(new CaseEscalated(EventMetadata.newEventId(), "followup", EventMetadata.now(),
				first.complaintId(), first.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, "CASE-1",
				EscalationLevel.SUPERVISOR, "first response deadline breached", MilestoneKind.FIRST_RESPONSE, null));
		ComplaintReceived second = sameCustomer(first, "请问怎么办理宽带提速？上次问了没人理。");

		await().atMost(WAIT).untilAsserted(() -> {
			CustomerHistoryDocument history = this.mongo.findById(first.customerId(), CustomerHistoryDocument.class);
			assertThat(history.complaints()).singleElement().satisfies((past) -> {
				assertThat(past.complaintId()).isEqualTo(first.complaintId());
				assertThat(past.mishandled()).isTrue();
			});
		});
		this.publisher.publishAndWait(second);

		JsonNode decision = awaitDecision(second.complaintId());
		assertThat(decision.path("nature").asString()).isEqualTo("VALID");
		assertThat(decision.path("repeatCount").asInt()).isEqualTo(1);
		assertThat(decision.path("priority").asString()).isEqualTo("P2");
		assertThat(decision.path("explanation").path("signals").toString())
			.contains("history:previous complaint mishandled")
			.doesNotContain("over-compensation");
	}

	@Test
	void aCustomerWhosePromisedDeadlineWasBreachedIsOverCompensatedNextTime() throws Exception {
		ComplaintReceived first = complaint("HZ-XH", "宽带一直断线，请尽快修好。");
		this.publisher.publishAndWait(first);
		awaitDecision(first.complaintId());
		this.publisher.publishAndWait(new ReminderRaised(EventMetadata.newEventId(), "followup", EventMetadata.now(),
				first.complaintId(), first.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, "CASE-2",
				MilestoneKind.FIRST_RESPONSE, ReminderKind.BREACH, EscalationLevel.SUPERVISOR, EventMetadata.now(),
				"network", Priority.P3));
		ComplaintReceived second = sameCustomer(first, "宽带还是断线。");

		await().atMost(WAIT).untilAsserted(() -> {
			CustomerHistoryDocument history = this.mongo.findById(first.customerId(), CustomerHistoryDocument.class);
			assertThat(history.complaints()).singleElement().satisfies((past) -> {
				assertThat(past.mishandled()).isTrue();
				assertThat(past.promiseBroken()).isTrue();
			});
		});
		this.publisher.publishAndWait(second);

		JsonNode decision = awaitDecision(second.complaintId());
		assertThat(decision.path("explanation").path("signals").toString())
			.contains("history:a deadline promised on the previous complaint was breached")
			.contains("over-compensation");
	}

	@Test
	void rulesStatusIsForSupervisorsAndOperationsOnly() throws Exception {
		HttpResponse<String> agent = get("/api/v1/triage/rules", "agent:agent-dev");
		HttpResponse<String> ops = get("/api/v1/triage/rules", "ops:ops-dev");

		assertThat(agent.statusCode()).isEqualTo(403);
		assertThat(ops.statusCode()).isEqualTo(200);
		assertThat(EventJson.mapper().readTree(ops.body()).path("version").asString()).isNotBlank();
	}

	@Test
	void previewNeedsStaffCredentialsAndStoresNothing() throws Exception {
		String body = """
				{"customer":{"id":"C-1001","name":"Zhang Wei","phone":"+8613800138000","tier":"GOLD"},
				 "occurredAt":"2026-11-22T07:30:00Z","location":{"regionCode":"BJ-CY","address":"Chaoyang, Beijing"},
				 "description":"Broadband drops every 15 minutes since this morning","believedCause":"your network is bad",
				 "expectedRemedy":{"kind":"FIX","amount":null,"deadline":"2026-11-22T10:00:00Z"},"product":"Fiber 500",
				 "disputedAmount":null,"emotionCues":{"repeatedContact":true,"raisedVoice":false,"threatensToLeave":false,
				 "threatensRegulatorOrMedia":false},"language":"en"}""";

		HttpResponse<String> anonymous = post("/api/v1/triage/preview", body, null);
		HttpResponse<String> metricsOnly = post("/api/v1/triage/preview", body, "prometheus:prometheus-dev");
		HttpResponse<String> agent = post("/api/v1/triage/preview", body, "agent:agent-dev");

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(metricsOnly.statusCode()).isEqualTo(403);
		assertThat(agent.statusCode()).isEqualTo(200);
		JsonNode preview = EventJson.mapper().readTree(agent.body());
		assertThat(preview.path("category").asString()).isEqualTo("NETWORK");
		assertThat(preview.path("playbook").asString()).isEqualTo("NETWORK_FAULT");
		assertThat(
				get("/api/v1/triage/decisions/" + preview.path("complaintId").asString(), "ops:ops-dev").statusCode())
			.isEqualTo(404);
	}

	@Test
	void invalidPreviewBodyIsAnsweredWithProblemDetails() throws Exception {
		HttpResponse<String> response = post("/api/v1/triage/preview",
				"{\"customer\":{\"id\":\"C-1\",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":\"BJ\"}}",
				"agent:agent-dev");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void aRegulatorsNoticeAfterTheComplaintIsNotReadAsTheComplaint() throws Exception {
		// Read as the customer's words, the FCC's notice made this RESPECT_SEEKING (rules
		// and models in the repository, 2026-12-02).
		String complaint = "Overcharged on my bill. I was charged $45 for a modem I returned in March. "
				+ "I have the receipt. Please remove the charge.";
		String notice = "\\n - - - - - - - - - - - - - - - - - - - - -\\n Follow-up message by FCC on 5/4/2015 10:15:00 AM:"
				+ "\\n This constitutes a notice of informal complaint filed with the FCC against your company. Your "
				+ "response to the consumer (with a copy to the FCC) is due no later than 30 days from the date of "
				+ "this notice.\\n If you have any questions regarding this notice, please contact the FCC.";
		String body = "{\"customer\":{\"id\":\"C-1\",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":\"BJ-CY\"},"
				+ "\"description\":\"%s\"}";

		JsonNode alone = EventJson.mapper()
			.readTree(post("/api/v1/triage/preview", body.formatted(complaint), "agent:agent-dev").body());
		JsonNode forwarded = EventJson.mapper()
			.readTree(post("/api/v1/triage/preview", body.formatted(complaint + notice), "agent:agent-dev").body());

		assertThat(forwarded.path("persona").asString()).isEqualTo("COMPENSATION_SEEKING");
		for (String field : List.of("category", "playbook", "churnRisk", "persona", "nature", "emotion")) {
			assertThat(forwarded.path(field)).as(field).isEqualTo(alone.path(field));
		}
		assertThat(forwarded.path("explanation").path("signals").toString()).contains("ignored:follow-up-messages");
		assertThat(alone.path("explanation").path("signals").toString()).doesNotContain("follow-up");
	}

	@Test
	void aLetterAtIntakesLimitIsDecided() throws Exception {
		// The length of the longest letters regulators forward (the FCC set's longest is
		// 16,000 characters); the grievance is in the first lines.
		String letter = "I was charged twice for my internet this month and nobody will refund it. "
				+ "I have called many times. ".repeat((20000 - 75) / 26);
		String body = "{\"customer\":{\"id\":\"C-1\",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":\"BJ-CY\"},"
				+ "\"description\":\"" + letter + "\"}";

		HttpResponse<String> response = post("/api/v1/triage/preview", body, "agent:agent-dev");

		assertThat(letter.length()).isBetween(19900, 20000);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(EventJson.mapper().readTree(response.body()).path("category").asString()).isEqualTo("BILLING");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			description           | LONG:20001
			customer.id           | "C-1\\u0000; drop"
			customer.name         | LONG:201
			customer.phone        | "call me maybe"
			location.regionCode   | "BJ CY/../.."
			location.address      | LONG:501
			believedCause         | LONG:1001
			product               | LONG:201
			disputedAmount        | -500
			expectedRemedy.amount | 1E-60000
			disputedAmount        | 1E2147483647
			expectedRemedy.amount | 1E2147483647
			""")
	void everyPreviewFieldHasIntakesLimitsAndABadOneIsAProblemDetailNamingIt(String field, String why)
			throws Exception {
		Map<String, String> values = new java.util.HashMap<>(Map.of("description", "\"Broadband drops\"", "customer.id",
				"\"C-1\"", "customer.name", "null", "customer.phone", "null", "location.regionCode", "\"BJ-CY\"",
				"location.address", "null", "believedCause", "null", "product", "null", "disputedAmount", "null",
				"expectedRemedy.amount", "null"));
		values.put(field, why.startsWith("LONG:") ? "\"" + "x".repeat(Integer.parseInt(why.substring(5))) + "\"" : why);
		String body = "{\"customer\":{\"id\":" + values.get("customer.id") + ",\"name\":" + values.get("customer.name")
				+ ",\"phone\":" + values.get("customer.phone") + ",\"tier\":\"GOLD\"},\"location\":{\"regionCode\":"
				+ values.get("location.regionCode") + ",\"address\":" + values.get("location.address")
				+ "},\"description\":" + values.get("description") + ",\"believedCause\":" + values.get("believedCause")
				+ ",\"product\":" + values.get("product") + ",\"disputedAmount\":" + values.get("disputedAmount")
				+ ",\"expectedRemedy\":{\"kind\":\"REFUND\",\"amount\":" + values.get("expectedRemedy.amount") + "}}";

		HttpResponse<String> response = post("/api/v1/triage/preview", body, "agent:agent-dev");

		assertThat(response.statusCode()).as(why).isEqualTo(400);
		assertThat(EventJson.mapper().readTree(response.body()).path("errors").get(0).path("field").asString()).as(why)
			.isEqualTo(field);
	}

	private JsonNode awaitDecision(String complaintId) {
		return await().atMost(WAIT).until(() -> {
			HttpResponse<String> response = get("/api/v1/triage/decisions/" + complaintId, "ops:ops-dev");
			return (response.statusCode() == 200) ? EventJson.mapper().readTree(response.body()) : null;
		}, (node) -> node != null);
	}

	private List<ComplaintTriaged> awaitTriaged(KafkaTestConsumer consumer, String complaintId, int count) {
		return await().atMost(WAIT)
			.until(() -> consumer.poll()
				.stream()
				.map(ConsumerRecord::value)
				.map((value) -> EventJson.mapper().readValue(value, ComplaintTriaged.class))
				.filter((event) -> event.complaintId().equals(complaintId))
				.toList(), (events) -> events.size() >= count);
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
		if (credentials != null) {
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	static ComplaintReceived sameCustomer(ComplaintReceived earlier, String description) {
		return new ComplaintReceived(EventMetadata.newEventId(), "intake", EventMetadata.now(),
				UUID.randomUUID().toString(), earlier.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.APP,
				earlier.customer(), null, earlier.location(), description, null, null, null, null, EmotionCues.NONE,
				earlier.language());
	}

	static ComplaintReceived complaint(String region, String description) {
		String customerId = "C-" + UUID.randomUUID().toString().substring(0, 8);
		return new ComplaintReceived(EventMetadata.newEventId(), "intake", EventMetadata.now(),
				UUID.randomUUID().toString(), customerId, ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.HOTLINE,
				new Customer(customerId, "Test Customer", "+860000000000", ValueTier.SILVER),
				EventMetadata.now().minusSeconds(600), new Location(region, "somewhere"), description, null, null, null,
				(BigDecimal) null, EmotionCues.NONE, description.matches(".*\\p{IsHan}.*") ? Language.ZH : Language.EN);
	}

}
