package com.complaintflow.triage.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.PartitionAssignments;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.TriageApplication;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale by partitions: two instances in one consumer group share the partitions of
 * complaints.received (each is assigned some) and decide every complaint exactly once,
 * each customer's complaints in order (a customer's partition is one instance's), and
 * count the network complaints of one region, which both decide, into its incident once
 * each. What the instances decided is read from their database: the contexts other test
 * classes leave cached are triage instances of other consumer groups, which decide the
 * same complaints into their own databases (and outages) and publish them too.
 */
class TriageScaleOutTests {

	static final int CUSTOMERS = 60;

	static final int PER_CUSTOMER = 4;

	static final int OUTAGE = 40;

	final String database = "scale-" + UUID.randomUUID().toString().substring(0, 8);

	final String group = "triage-" + this.database;

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesShareThePartitionsAndDecideEveryComplaintOnceInOrder() {
		ConfigurableApplicationContext a = start();
		ConfigurableApplicationContext b = start();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !PartitionAssignments.of(a, Topics.RECEIVED).isEmpty()
					&& !PartitionAssignments.of(b, Topics.RECEIVED).isEmpty());
		try (KafkaTestConsumer triaged = new KafkaTestConsumer(Topics.TRIAGED)) {
			List<ComplaintReceived> complaints = new ArrayList<>();
			for (int c = 0; c < CUSTOMERS; c++) {
				ComplaintReceived first = TriageServiceIntegrationTests.complaint("HZ-XH",
						"My bill has a charge for a service I never ordered");
				complaints.add(first);
				for (int i = 1; i < PER_CUSTOMER; i++) {
					complaints
						.add(TriageServiceIntegrationTests.sameCustomer(first, "The wrong charge is still there"));
				}
			}
			String region = "WH-JA-" + this.database;
			for (int i = 0; i < OUTAGE; i++) {
				complaints
					.add(TriageServiceIntegrationTests.complaint(region, "Internet is down in the whole building"));
			}
			a.getBean(EventPublisher.class).publishAllAndWait(complaints);
			Set<String> ids = complaints.stream().map(ComplaintReceived::complaintId).collect(Collectors.toSet());
			int total = CUSTOMERS * PER_CUSTOMER + OUTAGE;

			// a poll's decisions are stored after its incidents and histories, before
			// they are published
			MongoTemplate mongo = a.getBean(MongoTemplate.class);
			Map<String, ComplaintTriaged> stored = await().atMost(Duration.ofSeconds(120))
				.until(() -> stored(mongo, ids), (byId) -> byId.size() == total);
			Map<String, List<ComplaintTriaged>> published = await().atMost(Duration.ofSeconds(60))
				.until(() -> decisions(triaged, ids), (byId) -> byId.size() == total);
			assertThat(published.values()).allSatisfy(
					(copies) -> assertThat(copies.stream().map(ComplaintTriaged::eventId).distinct()).hasSize(1));
			assertCountedOnceIntoTheirIncidents(mongo, region, stored.values());
			Map<String, List<Integer>> repeats = complaints.stream()
				.limit(CUSTOMERS * PER_CUSTOMER)
				.collect(Collectors.groupingBy(ComplaintReceived::customerId, Collectors
					.mapping((complaint) -> stored.get(complaint.complaintId()).repeatCount(), Collectors.toList())));
			assertThat(repeats.values()).allSatisfy((counts) -> assertThat(counts).containsExactly(0, 1, 2, 3));
			List<CustomerHistoryDocument> histories = mongo
				.find(Query.query(Criteria.where("_id").in(repeats.keySet())), CustomerHistoryDocument.class);
			assertThat(histories).hasSize(CUSTOMERS)
				.allSatisfy((history) -> assertThat(history.complaints()).hasSize(PER_CUSTOMER));
			Set<TopicPartition> ofA = PartitionAssignments.of(a, Topics.RECEIVED);
			Set<TopicPartition> ofB = PartitionAssignments.of(b, Topics.RECEIVED);
			assertThat(ofA).isNotEmpty().doesNotContainAnyElementsOf(ofB);
			assertThat(ofB).isNotEmpty();
		}
	}

	/**
	 * Every incident of the region counts each member once (its count is its membership
	 * documents, none left in flight), every decision that names an incident is one of
	 * its members, and almost every outage complaint names one: each instance decides at
	 * most threshold - 1 (4) of them before an incident is open to it, in whatever time
	 * order its partitions deliver them.
	 */
	private static void assertCountedOnceIntoTheirIncidents(MongoTemplate mongo, String region,
			Collection<ComplaintTriaged> decided) {
		List<Document> incidents = mongo.find(Query.query(Criteria.where("regionCode").is(region)), Document.class,
				"incidents");
		assertThat(incidents).isNotEmpty();
		for (Document incident : incidents) {
			List<Document> members = mongo.find(Query.query(Criteria.where("incidentId").is(incident.get("_id"))),
					Document.class, "incident_members");
			assertThat(incident.getInteger("memberCount")).isEqualTo(members.size());
			assertThat(incident.getList("joining", String.class, List.of())).isEmpty();
		}
		decided.stream()
			.filter((decision) -> decision.incidentId() != null)
			.forEach((decision) -> assertThat(mongo.exists(
					Query.query(Criteria.where("_id").is(decision.incidentId() + "|" + decision.complaintId())),
					"incident_members"))
				.as(decision.complaintId())
				.isTrue());
		assertThat(decided.stream().filter((decision) -> decision.incidentId() != null).count())
			.isGreaterThanOrEqualTo(OUTAGE - 10);
	}

	private ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TriageApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--spring.kafka.consumer.group-id=" + this.group);
		this.instances.add(context);
		return context;
	}

	/** The decisions the two instances stored for these complaints, by complaint id. */
	private static Map<String, ComplaintTriaged> stored(MongoTemplate mongo, Set<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), StoredDecision.class)
			.stream()
			.map((decision) -> EventJson.mapper().readValue(decision.eventJson(), ComplaintTriaged.class))
			.collect(Collectors.toMap(ComplaintTriaged::complaintId, (decision) -> decision));
	}

	/** Every published decision of this test's complaints, by complaint id. */
	private static Map<String, List<ComplaintTriaged>> decisions(KafkaTestConsumer triaged, Set<String> ids) {
		return triaged.poll()
			.stream()
			.map((record) -> EventJson.mapper().readValue(record.value(), ComplaintTriaged.class))
			.filter((decision) -> ids.contains(decision.complaintId()))
			.collect(Collectors.groupingBy(ComplaintTriaged::complaintId));
	}

}
