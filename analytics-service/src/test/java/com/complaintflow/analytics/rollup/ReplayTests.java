package com.complaintflow.analytics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.complaintflow.analytics.AnalyticsApplication;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.journal.ComplaintJournal;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.events.ComplaintEvent;
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
import static org.awaitility.Awaitility.await;

/**
 * Exactness end to end: duplicates, out-of-order delivery and a crash between the journal
 * write and the dirty mark change nothing, and replaying every topic from the beginning
 * into an empty database yields the very same hour and day buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.consumer.group-id=analytics-replay-${random.uuid}",
				"complaintflow.analytics.recompute-interval=200ms" })
@ActiveProfiles("local")
@DirtiesContext
class ReplayTests {

	private static final Instant START = Instant.parse("2032-03-01T00:00:00Z");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	ComplaintJournal journal;

	@Autowired
	DirtyHours dirtyHours;

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
		ComplaintEvent crashed = shuffled.get(0);
		this.journal.record(crashed);

		shuffled.forEach(this.publisher::publishAndWait);
		shuffled.subList(0, 20).forEach(this.publisher::publishAndWait);

		Instant end = START.plus(Duration.ofDays(4));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(this.dirtyHours.backlog()).isZero();
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
					"--spring.mongodb.database=" + database, "--spring.kafka.consumer.group-id=" + database,
					"--complaintflow.kafka.partitions=3", "--complaintflow.analytics.recompute-interval=200ms")) {
			RollupStore replayed = replay.getBean(RollupStore.class);
			DirtyHours replayDirty = replay.getBean(DirtyHours.class);
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(replayDirty.backlog()).isZero();
				assertThat(replayed.dump()).isEqualTo(this.store.dump());
			});
		}
	}

	@Test
	void recomputeRepairsBucketsLeftHalfWrittenByACrash() {
		Instant hour = Instant.parse("2032-06-01T10:00:00Z");
		Counters bogus = new Counters().add("received", 999);
		this.store.replaceHour(hour,
				Map.of(new RollupStore.BucketId(View.MAIN, new Dims("APP", "NETWORK", "*", "VENTING", "STANDARD_CARE")),
						bogus));
		this.dirtyHours.mark(List.of(hour));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.dirtyHours.backlog() == 0);

		assertThat(this.store.readBuckets(hour, hour.plusSeconds(3600), (view, dims) -> true)).isEmpty();
		assertThat(this.store.readBuckets(Hours.dayOf(hour), Hours.dayOf(hour).plus(Duration.ofDays(1)),
				(view, dims) -> true))
			.isEmpty();
		assertThat(this.store.readSummary(hour, hour.plusSeconds(3600)).total().isEmpty()).isTrue();
	}

	private static long count(List<ComplaintEvent> events, String type) {
		return events.stream().filter((event) -> event.type().equals(type)).count();
	}

}
