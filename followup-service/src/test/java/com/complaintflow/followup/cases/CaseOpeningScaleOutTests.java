package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
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
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.test.PartitionAssignments;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
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
 * complaints.triaged (each is assigned some) and open every case exactly once, in bulk.
 * Each instance runs one consumer per listener: with the service's three, six consumers
 * would compete for three partitions, and the range assignor, which orders them by member
 * id as text (their client ids number consumers JVM-wide), could give all three to one
 * instance.
 */
class CaseOpeningScaleOutTests {

	static final int DECISIONS = 300;

	final String database = "scale-" + UUID.randomUUID().toString().substring(0, 8);

	final String group = "followup-" + this.database;

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesShareThePartitionsAndOpenEveryCaseOnce() {
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> !PartitionAssignments.of(a, Topics.TRIAGED).isEmpty()
					&& !PartitionAssignments.of(b, Topics.TRIAGED).isEmpty());
		try (KafkaTestConsumer cases = new KafkaTestConsumer(Topics.CASES)) {
			Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<ComplaintTriaged> decisions = new ArrayList<>();
			for (int i = 0; i < DECISIONS; i++) {
				decisions.add(TestEvents.triaged("CMP-" + UUID.randomUUID(), at));
			}
			a.getBean(EventPublisher.class).publishAllAndWait(decisions);
			Set<String> complaintIds = decisions.stream()
				.map(ComplaintTriaged::complaintId)
				.collect(Collectors.toSet());
			MongoTemplate mongo = a.getBean(MongoTemplate.class);
			Query ours = Query.query(Criteria.where("complaintId").in(complaintIds));

			await().atMost(Duration.ofSeconds(90)).until(() -> mongo.count(ours, FollowupCase.class) == DECISIONS);
			Map<String, Set<String>> openedEventIds = await().atMost(Duration.ofSeconds(60))
				.until(() -> caseOpened(cases, complaintIds), (opened) -> opened.size() == DECISIONS);

			assertThat(mongo.count(ours, FollowupCase.class)).isEqualTo(DECISIONS);
			assertThat(openedEventIds.values()).allSatisfy((ids) -> assertThat(ids).hasSize(1));
			Set<TopicPartition> ofA = PartitionAssignments.of(a, Topics.TRIAGED);
			Set<TopicPartition> ofB = PartitionAssignments.of(b, Topics.TRIAGED);
			assertThat(ofA).isNotEmpty().doesNotContainAnyElementsOf(ofB);
			assertThat(ofB).isNotEmpty();
		}
	}

	private ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FollowupApplication.class)
			.profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + this.database,
					"--spring.mongodb.database=" + this.database, "--spring.kafka.consumer.group-id=" + this.group,
					"--spring.kafka.listener.concurrency=1", "--complaintflow.followup.timers.instance-id=" + name);
		this.instances.add(context);
		return context;
	}

	/** The distinct {@code CaseOpened} event ids per complaint of this test. */
	private static Map<String, Set<String>> caseOpened(KafkaTestConsumer cases, Set<String> complaintIds) {
		return cases.poll()
			.stream()
			.filter((record) -> "case-opened".equals(header(record, CloudEventHeaders.TYPE)))
			.filter((record) -> complaintIds.contains(header(record, CloudEventHeaders.SUBJECT)))
			.collect(Collectors.groupingBy((record) -> header(record, CloudEventHeaders.SUBJECT),
					Collectors.mapping((record) -> header(record, CloudEventHeaders.ID), Collectors.toSet())));
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

}
