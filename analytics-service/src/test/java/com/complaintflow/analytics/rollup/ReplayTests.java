package com.complaintflow.analytics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import com.complaintflow.analytics.AnalyticsApplication;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.AnalyticsTestProperties;
import com.complaintflow.analytics.TestEvents;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.analytics.stream.AnalyticsTopics;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Playbook;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * Exactness end to end: duplicates and out-of-order delivery change nothing, a
 * complaint's contribution moves when its state changes, and a replay (the Streams
 * application started afresh, reading every topic from the beginning into an empty
 * database) yields the very same hour, day and month buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@DirtiesContext
class ReplayTests {

	private static final Instant START = Instant.parse("2032-03-01T00:00:00Z");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AnalyticsTestProperties.register(registry, "analytics-replay");
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	AnalyticsTopics topics;

	@Autowired
	RollupStore store;

	@Autowired
	AnalyticsQueries queries;

	@Test
	void replayingAllTopicsIntoAnEmptyDatabaseYieldsTheSameRollups() {
		List<ComplaintEvent> events = ScenarioEvents.of("replay-" + UUID.randomUUID(), 60, START, Duration.ofDays(3),
				42);
		List<ComplaintEvent> shuffled = new ArrayList<>(events);
		Collections.shuffle(shuffled, new Random(7));

		shuffled.forEach(this.publisher::publishAndWait);
		shuffled.subList(0, 20).forEach(this.publisher::publishAndWait);

		Instant end = START.plus(Duration.ofDays(4));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.queries.summary(START, end, RollupFilter.NONE).totals())
				.containsEntry("received", count(events, "complaint-received"))
				.containsEntry("triaged", count(events, "complaint-triaged"))
				.containsEntry("opened", count(events, "case-opened"))
				.containsEntry("resolved", count(events, "case-resolved"))
				.containsEntry("closed", count(events, "case-closed"));
		});

		String database = "replay-" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext replay = new SpringApplicationBuilder(AnalyticsApplication.class)
			.profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + database,
					"--spring.mongodb.database=" + database,
					"--spring.kafka.streams.application-id=" + AnalyticsTestProperties.applicationId("replay"),
					"--spring.kafka.streams.state-dir=" + AnalyticsTestProperties.stateDir(),
					"--complaintflow.kafka.partitions=3")) {
			RollupStore replayed = replay.getBean(RollupStore.class);
			assertThat(replay.getBean(AnalyticsTopics.class)).isNotEqualTo(this.topics);
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(replayed.dump()).isNotEmpty().isEqualTo(this.store.dump()));
		}
	}

	@Test
	void aComplaintMovesToItsCategoryWhenItsTriageArrivesAndLeavesNothingBehind() {
		Instant hour = Instant.parse("2032-06-01T10:00:00Z");
		TestEvents late = new TestEvents("late-" + UUID.randomUUID(), hour.plusSeconds(60), Channel.APP,
				Category.BILLING, "SH-PD", Playbook.BILLING_ERROR);
		Instant end = hour.plus(Duration.ofHours(1));

		this.publisher.publishAndWait(late.received());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(categories(hour, end)).containsExactly(entry(Dims.UNKNOWN, 1L)));

		this.publisher.publishAndWait(late.triaged(Nature.VALID, 0));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(categories(hour, end)).containsExactly(entry("BILLING", 1L)));
		// the day's bucket is another record of the aggregation: it may land a flush
		// later
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(categories(Hours.dayOf(hour), Hours.dayOf(hour).plus(Duration.ofDays(1))))
				.containsExactly(entry("BILLING", 1L));
			assertThat(this.queries.summary(hour, end, RollupFilter.NONE).totals()).containsEntry("received", 1L)
				.containsEntry("triaged", 1L);
		});
	}

	/** Complaints received per category in the main view's buckets. */
	private Map<String, Long> categories(Instant from, Instant to) {
		Map<String, Long> received = new TreeMap<>();
		this.store.readBuckets(from, to, (view, dims) -> view == View.MAIN)
			.forEach(
					(bucket) -> received.merge(bucket.dims().category(), bucket.counters().get("received"), Long::sum));
		return received;
	}

	private static long count(List<ComplaintEvent> events, String type) {
		return events.stream().filter((event) -> event.type().equals(type)).count();
	}

}
