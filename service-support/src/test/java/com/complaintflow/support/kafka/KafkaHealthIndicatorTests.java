package com.complaintflow.support.kafka;

import java.time.Duration;
import java.util.Map;

import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code kafka} health component against a real broker (UP, with the cluster) and
 * against a port where no broker listens (DOWN within the timeout).
 */
class KafkaHealthIndicatorTests {

	@Test
	void aReachableBrokerIsUpWithItsCluster() {
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()),
				Duration.ofSeconds(10));
		try {
			Health health = indicator.health(true);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
		}
		finally {
			indicator.destroy();
		}
	}

	@Test
	void noBrokerIsDownWithinTheTimeout() {
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + TestInfrastructure.closedPort()),
				Duration.ofSeconds(1));
		try {
			long started = System.nanoTime();
			Health health = indicator.health(true);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		}
		finally {
			indicator.destroy();
		}
	}

}
