package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.analytics.AnalyticsApplication;
import com.complaintflow.analytics.AnalyticsTestProperties;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.TestInfrastructure;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of analytics (one Streams application id, one database, each its own
 * state directory) share the partitions: both run tasks, and every total stays exact.
 */
class ScaleOutTests {

	private static final Instant START = Instant.parse("2033-05-01T00:00:00Z");

	@Test
	void twoInstancesShareThePartitionsAndEveryTotalIsExact() {
		String applicationId = AnalyticsTestProperties.applicationId("analytics-pair");
		String database = "pair-" + UUID.randomUUID().toString().substring(0, 8);
		try (ConfigurableApplicationContext first = start(applicationId, database);
				ConfigurableApplicationContext second = start(applicationId, database)) {
			List<ComplaintEvent> events = ScenarioEvents.of("pair-" + UUID.randomUUID(), 80, START, Duration.ofDays(2),
					5);
			// a killed instance's tasks move after the session timeout every service's
			// consumers
			// share (complaintflow-defaults.yml), not the client's 45 s
			assertThat(first.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration())
				.containsEntry("session.timeout.ms", "20000")
				.containsEntry("heartbeat.interval.ms", "3000");
			EventPublisher publisher = first.getBean(EventPublisher.class);
			events.forEach(publisher::publish);
			events.subList(0, 30).forEach(publisher::publishAndWait);

			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				assertThat(activeTasks(first)).as("tasks of the first instance").isPositive();
				assertThat(activeTasks(second)).as("tasks of the second instance").isPositive();
			});
			Instant end = START.plus(Duration.ofDays(3));
			for (ConfigurableApplicationContext instance : List.of(first, second)) {
				AnalyticsQueries queries = instance.getBean(AnalyticsQueries.class);
				await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
					Map<String, Long> totals = queries.summary(START, end, RollupFilter.NONE).totals();
					assertThat(totals).containsEntry("received", count(events, "complaint-received"))
						.containsEntry("triaged", count(events, "complaint-triaged"))
						.containsEntry("opened", count(events, "case-opened"))
						.containsEntry("resolved", count(events, "case-resolved"))
						.containsEntry("closed", count(events, "case-closed"));
				});
			}
		}
	}

	private static int activeTasks(ConfigurableApplicationContext instance) {
		KafkaStreams streams = instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
		if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
			return 0;
		}
		return streams.metadataForLocalThreads().stream().mapToInt((thread) -> activeTasks(thread)).sum();
	}

	private static int activeTasks(ThreadMetadata thread) {
		return thread.activeTasks().size();
	}

	private static long count(List<ComplaintEvent> events, String type) {
		return events.stream().filter((event) -> event.type().equals(type)).count();
	}

	private static ConfigurableApplicationContext start(String applicationId, String database) {
		return new SpringApplicationBuilder(AnalyticsApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + database,
					"--spring.mongodb.database=" + database, "--spring.kafka.streams.application-id=" + applicationId,
					"--spring.kafka.streams.state-dir=" + AnalyticsTestProperties.stateDir(),
					"--complaintflow.kafka.partitions=3", "--complaintflow.analytics.metrics-interval=1h");
	}

}
