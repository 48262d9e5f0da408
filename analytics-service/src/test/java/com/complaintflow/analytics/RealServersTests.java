package com.complaintflow.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.RealServers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A complaint's whole life counted against the real images (apache/kafka, mongo 8), so
 * the bulk writes, {@code $in} reads and {@code $min}/{@code $max} updates are checked on
 * a real mongod too. Runs where Docker exists and is skipped cleanly where it does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.streams.properties.replication.factor=1")
@DirtiesContext
class RealServersTests extends RealServers {

	@DynamicPropertySource
	static void stateDir(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.streams.state-dir", () -> AnalyticsTestProperties.stateDir().toString());
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Test
	void wholeLifeIsCountedOnceOnRealServers() {
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
		TestEvents life = new TestEvents("real-" + UUID.randomUUID(), hour.plusSeconds(60), Channel.HOTLINE,
				Category.NETWORK, "BJ-CY", Playbook.NETWORK_FAULT);
		life.happyLife(Outcome.RETAINED, 5).forEach(this.publisher::publishAndWait);
		life.happyLife(Outcome.RETAINED, 5).forEach(this.publisher::publishAndWait);

		AnalyticsClient ops = new AnalyticsClient(this.port, "ops", "ops-dev");
		String range = "?from=" + hour + "&to=" + hour.plus(1, ChronoUnit.HOURS);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(ops.json("/api/v1/analytics/summary" + range).at("/totals/closed").asLong())
				.isEqualTo(1));
		JsonNode summary = ops.json("/api/v1/analytics/summary" + range);
		assertThat(summary.at("/totals/received").asLong()).isEqualTo(1);
		assertThat(summary.at("/retention/retentionRate").asDouble()).isEqualTo(1.0);
		assertThat(ops.json("/api/v1/analytics/summary?channel=HOTLINE" + range.replace('?', '&'))
			.at("/totals/received")
			.asLong()).isEqualTo(1);
	}

}
