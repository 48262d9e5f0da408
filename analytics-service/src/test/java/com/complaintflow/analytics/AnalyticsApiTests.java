package com.complaintflow.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The analytics service against the real broker and the Mongo wire server: events
 * published to the topics show up, exactly once, in the summary over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.consumer.group-id=analytics-api-${random.uuid}",
				"complaintflow.analytics.recompute-interval=200ms" })
@ActiveProfiles("local")
class AnalyticsApiTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	AnalyticsClient ops;

	Instant hour;

	@BeforeEach
	void setUp() {
		this.ops = new AnalyticsClient(this.port, "ops", "ops-dev");
		this.hour = Instant.parse("2031-01-01T00:00:00Z")
			.plus(ThreadLocalRandom.current().nextInt(0, 24 * 300), ChronoUnit.HOURS);
	}

	@Test
	void summaryCountsEachStageByChannelAndCategoryOnceEvenWhenEventsAreRedelivered() {
		TestEvents network = events("n", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		TestEvents billing = events("b", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		TestEvents fresh = events("f", Channel.STORE, Category.DEVICE, Playbook.DEVICE_FAULT);
		List<ComplaintEvent> all = List.of(network.received(), network.triaged(Nature.VALID, 0), network.opened(),
				billing.received(), billing.triaged(Nature.INQUIRY, 2), fresh.received());

		all.forEach(this.publisher::publishAndWait);
		all.forEach(this.publisher::publishAndWait);

		String range = "?from=" + this.hour + "&to=" + this.hour.plus(1, ChronoUnit.HOURS);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range);
			assertThat(summary.at("/totals/received").asLong()).isEqualTo(3);
			assertThat(summary.at("/totals/triaged").asLong()).isEqualTo(2);
			assertThat(summary.at("/totals/opened").asLong()).isEqualTo(1);
		});
		JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range);
		assertThat(summary.at("/byChannel/HOTLINE/opened").asLong()).isEqualTo(1);
		assertThat(summary.at("/byChannel/APP/triaged").asLong()).isEqualTo(1);
		assertThat(summary.at("/byChannel/STORE/received").asLong()).isEqualTo(1);
		assertThat(summary.at("/byCategory/NETWORK/received").asLong()).isEqualTo(1);
		assertThat(summary.at("/byCategory/BILLING/triaged").asLong()).isEqualTo(1);
		assertThat(summary.at("/byCategory/UNKNOWN/received").asLong()).isEqualTo(1);
		assertThat(summary.at("/totals/repeat").asLong()).isEqualTo(1);
		assertThat(summary.at("/totals/communicative").asLong()).isEqualTo(1);
	}

	@Test
	void summaryNeedsOperationsCredentials() {
		assertThat(new AnalyticsClient(this.port, null, null).get("/api/v1/analytics/summary").getStatusCode().value())
			.isEqualTo(401);
		assertThat(new AnalyticsClient(this.port, "agent", "agent-dev").get("/api/v1/analytics/summary")
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void unknownFilterValueIsABadRequest() {
		assertThat(this.ops.get("/api/v1/analytics/summary?channel=FAX").getStatusCode().value()).isEqualTo(400);
	}

	private TestEvents events(String name, Channel channel, Category category, Playbook playbook) {
		return new TestEvents(name + "-" + this.hour.toEpochMilli(), this.hour.plusSeconds(60), channel, category,
				"BJ-CY", playbook);
	}

}
