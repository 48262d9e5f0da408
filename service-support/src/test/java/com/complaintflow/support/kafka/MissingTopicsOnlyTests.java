package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka admin on the real broker, as the services set it up: a declared topic that is
 * missing is created, and one that exists keeps its partitions even when declared with
 * more.
 */
class MissingTopicsOnlyTests {

	@Test
	void aMissingTopicIsCreatedAndAnExistingOneKeepsItsPartitions() throws Exception {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.bootstrapServers());
		String existing = "existing-" + UUID.randomUUID();
		String missing = "missing-" + UUID.randomUUID();
		try (Admin admin = Admin.create(config)) {
			admin.createTopics(List.of(new NewTopic(existing, 1, (short) 1))).all().get();
			// listed once the broker's metadata has it (the controller may be a moment
			// ahead)
			await().atMost(Duration.ofSeconds(10)).until(() -> admin.listTopics().names().get().contains(existing));

			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
				KafkaAdmin kafkaAdmin = new KafkaAdmin(config);
				// as the services' configuration sets it up
				new EventKafkaConfiguration().eventTopics(new KafkaTopicSettings(1, (short) 1, Duration.ofSeconds(2), 4,
						Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(15)), kafkaAdmin);
				context.registerBean(KafkaAdmin.class, () -> kafkaAdmin);
				context.registerBean(KafkaAdmin.NewTopics.class,
						() -> new KafkaAdmin.NewTopics(new NewTopic(existing, 3, (short) 1),
								new NewTopic(missing, 3, (short) 1)));
				context.refresh();
			}

			// described once the broker's metadata has the new topic too
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				Map<String, TopicDescription> topics = admin.describeTopics(List.of(existing, missing))
					.allTopicNames()
					.get();
				assertThat(topics.get(existing).partitions()).hasSize(1);
				assertThat(topics.get(missing).partitions()).hasSize(3);
			});
		}
	}

	@Test
	void whenTheBrokerCannotListItsTopicsNothingIsCreatedOrChanged() {
		MissingTopicsOnly predicate = new MissingTopicsOnly(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + TestInfrastructure.closedPort()),
				Duration.ofSeconds(1));

		assertThat(predicate.test(new NewTopic("complaints.received", 12, (short) 1))).isFalse();
		assertThat(predicate.test(new NewTopic("complaints.triaged", 12, (short) 1))).isFalse();
	}

}
