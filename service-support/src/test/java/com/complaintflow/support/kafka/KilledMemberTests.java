package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.support.config.ComplaintFlowDefaults;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;

import static org.awaitility.Awaitility.await;

/**
 * The consumer settings every service shares, against a real broker: a member killed
 * without leaving its group (kill -9, a lost machine) frees its partitions for the
 * restarted instance within seconds, not after the client's default 45 s.
 */
class KilledMemberTests {

	private static final int PARTITIONS = 3;

	@Test
	void aMemberKilledInItsGroupFreesItsPartitionsWithinSeconds() throws Exception {
		String topic = "killed-member-" + UUID.randomUUID();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
		}
		Map<String, Object> settings = sharedConsumerSettings("killed-member-" + UUID.randomUUID());

		KafkaConsumer<Object, Object> killed = new KafkaConsumer<>(settings);
		try {
			killed.subscribe(List.of(topic));
			awaitAllPartitions(killed, Duration.ofSeconds(30));
		}
		finally {
			// what a kill leaves behind: no LeaveGroup, so the broker
			// keeps the member until its session times out
			killed.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP));
		}

		try (KafkaConsumer<Object, Object> restarted = new KafkaConsumer<>(settings)) {
			restarted.subscribe(List.of(topic));
			// at the shared 20 s about 20-23 s; at the client's default 45 s, about 45 s
			awaitAllPartitions(restarted, Duration.ofSeconds(35));
		}
	}

	/**
	 * The consumer settings a service gets from complaintflow-defaults.yml, in the group.
	 */
	private static Map<String, Object> sharedConsumerSettings(String group) {
		StandardEnvironment environment = new StandardEnvironment();
		new ComplaintFlowDefaults().postProcessEnvironment(environment, new SpringApplication());
		KafkaProperties kafka = Binder.get(environment).bind("spring.kafka", KafkaProperties.class).get();
		Map<String, Object> settings = kafka.buildConsumerProperties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		return settings;
	}

	private static void awaitAllPartitions(KafkaConsumer<Object, Object> consumer, Duration within) {
		await().atMost(within).until(() -> {
			consumer.poll(Duration.ofMillis(200));
			return consumer.assignment().size() == PARTITIONS;
		});
	}

}
