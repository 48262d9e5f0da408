package com.complaintflow.analytics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.config.AnalyticsSettings;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.HotspotFinder;
import com.complaintflow.analytics.rollup.BucketKey;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.DurationHistogram;
import com.complaintflow.analytics.rollup.Measures;
import com.complaintflow.analytics.rollup.RollupStore;
import com.complaintflow.analytics.rollup.Slot;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The gauges as read from the rollups on the wire server at fixed instants: the "last 24
 * h" percentiles cover exactly the 24 whole hours ending at the end of the current one.
 */
class AnalyticsMetricsTests {

	private static final Instant CURRENT_HOUR = Instant.parse("2026-11-22T10:00:00Z");

	private static final Dims DIMS = new Dims("HOTLINE", "NETWORK", "BJ-CY", "VENTING", "NETWORK_FAULT");

	private static AnnotationConfigApplicationContext rollups;

	@BeforeAll
	static void start() {
		TestInfrastructure.start();
		MongoTemplate mongo = TestInfrastructure.freshDatabase("metrics");
		rollups = new AnnotationConfigApplicationContext();
		rollups.registerBean(MongoTemplate.class, () -> mongo);
		rollups.registerBean(AnalyticsSettings.class, () -> new AnalyticsSettings(Duration.ofSeconds(15), List.of(),
				new AnalyticsSettings.Hotspots(Duration.ofHours(24), 7, 2.0, 5, 10)));
		rollups.register(RollupStore.class, AnalyticsQueries.class, HotspotFinder.class);
		rollups.refresh();
		Map<String, Counters> buckets = new HashMap<>();
		// the oldest of the 24 hours: one quick first response
		firstResponses(CURRENT_HOUR.minus(Duration.ofHours(23)), Duration.ofMinutes(10), 1, buckets);
		// the hour before it, the 25th: three slow ones
		firstResponses(CURRENT_HOUR.minus(Duration.ofHours(24)), Duration.ofMinutes(100), 3, buckets);
		// the hour after the current one has not begun
		firstResponses(CURRENT_HOUR.plus(Duration.ofHours(1)), Duration.ofMinutes(100), 3, buckets);
		write(buckets);
	}

	@AfterAll
	static void stop() {
		rollups.close();
	}

	@Test
	void theLast24HoursPercentilesCoverTheCurrentHourAndThe23Before() {
		for (Instant now : List.of(CURRENT_HOUR.plusMillis(1), CURRENT_HOUR.plus(Duration.ofMinutes(20)),
				CURRENT_HOUR.plus(Duration.ofMinutes(60)))) {
			MeterRegistry registry = new SimpleMeterRegistry();
			AnalyticsMetrics metrics = new AnalyticsMetrics(rollups.getBean(AnalyticsQueries.class),
					rollups.getBean(HotspotFinder.class), new PipelineHealth(null),
					rollups.getBean(AnalyticsSettings.class), registry);

			metrics.refreshFigures(now);

			for (String percentile : List.of("50", "99")) {
				assertThat(registry.get("complaintflow.first.response.seconds")
					.tag("percentile", percentile)
					.gauge()
					.value()).as("p%s at %s", percentile, now).isCloseTo(600.0, within(60.0));
			}
		}
	}

	@Test
	void aPartThatCannotBeReadKeepsItsLastRefreshTimeAndTheOthersMoveOn() {
		MeterRegistry registry = new SimpleMeterRegistry();
		// no admin client: reading the dead letters fails; no lag group to read: the lag
		// refresh succeeds
		AnalyticsMetrics metrics = new AnalyticsMetrics(rollups.getBean(AnalyticsQueries.class),
				rollups.getBean(HotspotFinder.class), new PipelineHealth(null),
				rollups.getBean(AnalyticsSettings.class), registry);
		double started = refreshedAt(registry, AnalyticsMetrics.DEAD_LETTERS);
		Instant later = Instant.ofEpochSecond((long) started).plus(Duration.ofMinutes(30));

		metrics.refreshFigures(later);
		metrics.refreshPipeline(later);

		assertThat(refreshedAt(registry, AnalyticsMetrics.FIGURES)).isEqualTo(later.getEpochSecond());
		assertThat(refreshedAt(registry, AnalyticsMetrics.LAG)).isEqualTo(later.getEpochSecond());
		assertThat(refreshedAt(registry, AnalyticsMetrics.DEAD_LETTERS)).as("not read: its gauges are old")
			.isEqualTo(started);
	}

	private static double refreshedAt(MeterRegistry registry, String part) {
		return registry.get("complaintflow.metrics.refresh.timestamp").tag("part", part).gauge().value();
	}

	private static void firstResponses(Instant hour, Duration time, int count, Map<String, Counters> buckets) {
		Counters counters = new Counters();
		for (int i = 0; i < count; i++) {
			DurationHistogram.record(counters, Measures.FIRST_RESPONSE, time);
		}
		Slot.spread(new Slot(hour, DIMS).text(), counters, buckets);
	}

	private static void write(Map<String, Counters> buckets) {
		Map<String, Map<String, Counters>> byPeriod = new HashMap<>();
		buckets
			.forEach((key, counters) -> byPeriod.computeIfAbsent(BucketKey.documentIdOf(key), (id) -> new HashMap<>())
				.put(BucketKey.fieldOf(key), counters));
		rollups.getBean(RollupStore.class).write(byPeriod);
	}

}
