package com.complaintflow.followup.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.Language;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.StaffClient;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.followup.WebhookReceiver;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Telling the customer, against the real broker, the wire server and a real HTTP gateway
 * (a JDK HttpServer that fails the first posts with 503): every member of an outage gets
 * exactly one notice with its compensation in the complaint's language, also after the
 * service restarts and re-consumes every case event and notice from the start of the
 * topics; a member who opted out gets nothing, and their notices are recorded as
 * suppressed; a member whose own problem staff fixed while the outage lasted is told of
 * that fix, not of the outage's end.
 */
class CustomerNoticesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String database = "notices-" + UUID.randomUUID().toString().substring(0, 8);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void everyOutageMemberIsToldOnceWithItsCompensationEvenAfterARestartReconsumesEverythingButWhoOptedOut() {
		try (WebhookReceiver gateway = WebhookReceiver.start(2)) {
			ConfigurableApplicationContext first = start(gateway, "notices-" + UUID.randomUUID());
			String incidentId = "INC-" + UUID.randomUUID();
			Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<String> complaints = List.of("CMP-" + UUID.randomUUID(), "CMP-" + UUID.randomUUID(),
					"CMP-" + UUID.randomUUID());
			String optedOut = "CMP-" + UUID.randomUUID();
			String fixedAlone = "CMP-" + UUID.randomUUID();
			StaffClient agent = new StaffClient(port(first), "agent", "agent-dev");
			assertThat(agent.put("/api/v1/notifications/opt-outs/C-" + optedOut).json().get("optedOut").asBoolean())
				.isTrue();
			List<String> members = new ArrayList<>(complaints);
			members.add(optedOut);
			members.add(fixedAlone);
			EventPublisher publisher = first.getBean(EventPublisher.class);
			Deadlines deadlines = new Deadlines(at.plus(Duration.ofHours(24)), at.plus(Duration.ofMinutes(30)), null,
					null, Duration.ofHours(24));
			for (int i = 0; i < members.size(); i++) {
				ComplaintTriaged triaged = TestEvents.triaged(members.get(i), at, deadlines, incidentId);
				publisher.publishAndWait((i == 0) ? inLanguage(triaged, Language.ZH) : triaged);
			}
			publisher.publishAndWait(TestEvents.incident(incidentId, at, members));
			String incidentCase = CaseOpening.incidentCaseIdFor(incidentId);
			MongoTemplate mongo = first.getBean(MongoTemplate.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> mongo.findById(incidentCase, org.bson.Document.class, "cases"),
						(c) -> c != null && c.getList("memberCaseIds", String.class).size() == members.size());

			// one member's own problem is fixed while the outage lasts: told of that fix,
			// not that the outage is over
			assertThat(agent
				.post("/api/v1/cases/" + CaseOpening.caseIdFor(fixedAlone) + "/resolve", "own-fix",
						"{\"resolution\":\"Modem replaced\"}")
				.code()).isEqualTo(200);
			Set<String> fixedCustomer = Set.of("C-" + fixedAlone);
			await().atMost(Duration.ofSeconds(30)).until(() -> bodies(gateway, fixedCustomer, "RESOLVED").size() == 1);
			StaffClient supervisor = new StaffClient(port(first), "supervisor", "supervisor-dev");
			assertThat(supervisor
				.post("/api/v1/cases/" + incidentCase + "/resolve", "fix-1", "{\"resolution\":\"Fibre cut repaired\"}")
				.code()).isEqualTo(200);

			Set<String> customers = complaints.stream().map((c) -> "C-" + c).collect(Collectors.toSet());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> bodies(gateway, customers, "INCIDENT").size() == complaints.size());
			List<JsonNode> incidentNotices = bodies(gateway, customers, "INCIDENT");
			assertThat(incidentNotices).extracting((n) -> n.get("customerId").asString())
				.containsExactlyInAnyOrderElementsOf(customers);
			JsonNode chinese = incidentNotices.stream()
				.filter((n) -> n.get("complaintId").asString().equals(complaints.get(0)))
				.findFirst()
				.orElseThrow();
			assertThat(chinese.get("language").asString()).isEqualTo("zh");
			assertThat(chinese.get("text").asString()).contains("网络故障已修复", "Fibre cut repaired", "话费补偿（价值 100 元）");
			assertThat(incidentNotices).filteredOn((n) -> n.get("language").asString().equals("en"))
				.allSatisfy((n) -> assertThat(n.get("text").asString()).contains("outage", "a bill credit worth 100"));
			List<JsonNode> accepted = await().atMost(Duration.ofSeconds(30))
				.until(() -> bodies(gateway, customers, "ACCEPTED"), (list) -> list.size() == complaints.size());
			assertThat(accepted).filteredOn((n) -> n.get("language").asString().equals("en"))
				.allSatisfy((n) -> assertThat(n.get("text").asString()).contains("has been accepted",
						"An engineer will contact you by"));
			assertThat(gateway.attempts()).isGreaterThan(gateway.accepted().size());
			JsonNode suppressed = await().atMost(Duration.ofSeconds(30))
				.until(() -> agent.get("/api/v1/notifications?customerId=C-" + optedOut).json(),
						(list) -> list.size() == 2 && values(list, "status").stream().allMatch("SUPPRESSED"::equals));
			assertThat(values(suppressed, "kind")).containsExactlyInAnyOrder("ACCEPTED", "INCIDENT");
			// the newest first when limited (oldest first is the list's order)
			JsonNode newest = agent.get("/api/v1/notifications?customerId=C-" + optedOut + "&limit=1").json();
			assertThat(values(newest, "id")).containsExactly(suppressed.get(1).get("id").asString());
			assertThat(agent.get("/api/v1/notifications?customerId=C-" + optedOut + "&limit=0").code()).isEqualTo(400);
			assertThat(agent.get("/api/v1/notifications?customerId=C-" + optedOut + "&limit=501").code())
				.isEqualTo(400);
			assertThat(new StaffClient(port(first), "ops", "ops-dev").get("/api/v1/notifications?customerId=x").code())
				.isEqualTo(403);

			// restart under a new consumer group: every case event and notice is read
			// again
			first.close();
			String regroup = "notices-" + UUID.randomUUID();
			ConfigurableApplicationContext second = start(gateway, regroup);
			await().atMost(Duration.ofSeconds(45)).until(() -> consumedToTheEnd(regroup));
			MongoTemplate again = second.getBean(MongoTemplate.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> again.count(new Query(Criteria.where("customerId").in(customers)),
						NotificationOutbox.OUTBOX) == 0);

			assertThat(bodies(gateway, customers, "INCIDENT")).hasSize(complaints.size());
			assertThat(bodies(gateway, customers, "ACCEPTED")).hasSize(complaints.size());
			assertThat(bodies(gateway, customers, null)).extracting((n) -> n.get("id").asString())
				.doesNotHaveDuplicates();
			assertThat(bodies(gateway, Set.of("C-" + optedOut), null)).isEmpty();
			assertThat(bodies(gateway, fixedCustomer, "INCIDENT")).isEmpty();
			assertThat(bodies(gateway, fixedCustomer, "RESOLVED")).hasSize(1)
				.allSatisfy((n) -> assertThat(n.get("text").asString()).contains("Modem replaced"));
			StaffClient agentAgain = new StaffClient(port(second), "agent", "agent-dev");
			assertThat(agentAgain.delete("/api/v1/notifications/opt-outs/C-" + optedOut)
				.json()
				.get("optedOut")
				.asBoolean()).isFalse();
		}
	}

	private ConfigurableApplicationContext start(WebhookReceiver gateway, String group) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FollowupApplication.class)
			.profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--complaintflow.kafka.partitions=3",
					"--spring.kafka.consumer.group-id=" + group,
					"--complaintflow.followup.notifications.gateway-url=" + gateway.url(),
					"--complaintflow.followup.notifications.poll-interval=100ms",
					"--complaintflow.followup.notifications.initial-backoff=100ms",
					"--complaintflow.followup.notifications.max-backoff=400ms");
		this.instances.add(context);
		return context;
	}

	private static List<String> values(JsonNode list, String field) {
		List<String> values = new ArrayList<>();
		list.forEach((item) -> values.add(item.get(field).asString()));
		return values;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The notices the gateway took for these customers, of one kind (or all). */
	private static List<JsonNode> bodies(WebhookReceiver gateway, Set<String> customers, String kind) {
		return gateway.accepted()
			.stream()
			.map(JSON::readTree)
			.filter((n) -> customers.contains(n.get("customerId").asString()))
			.filter((n) -> kind == null || kind.equals(n.get("kind").asString()))
			.toList();
	}

	/** Whether the group has read the case and notification topics to their ends. */
	private static boolean consumedToTheEnd(String group) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
			for (String topic : List.of(Topics.CASES, Topics.NOTIFICATIONS)) {
				admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get()
					.get(topic)
					.partitions()
					.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			}
			return admin.listOffsets(latest).all().get().entrySet().stream().allMatch((end) -> {
				OffsetAndMetadata done = committed.get(end.getKey());
				return end.getValue().offset() == 0 || (done != null && done.offset() >= end.getValue().offset());
			});
		}
	}

	private static ComplaintTriaged inLanguage(ComplaintTriaged t, Language language) {
		return new ComplaintTriaged(t.eventId(), t.source(), t.occurredAt(), t.complaintId(), t.customerId(),
				t.schemaVersion(), t.channel(), t.regionCode(), t.customerTier(), t.category(), t.nature(), t.persona(),
				t.emotion(), t.rootCauseLayer(), t.churnRisk(), t.playbook(), t.playbookSteps(), t.priority(),
				t.remedies(), t.verificationRequired(), t.deadlines(), t.queue(), t.incidentId(), t.repeatCount(),
				t.explanation(), language, t.receivedAt());
	}

}
