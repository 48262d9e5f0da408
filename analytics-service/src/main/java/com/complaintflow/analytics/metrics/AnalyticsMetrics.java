package com.complaintflow.analytics.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.complaintflow.analytics.config.AnalyticsSettings;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.Figures;
import com.complaintflow.analytics.report.Hotspot;
import com.complaintflow.analytics.report.HotspotFinder;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.analytics.report.Summary;
import com.complaintflow.analytics.rollup.Measures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the rollups as Prometheus gauges, refreshed every
 * {@code complaintflow.analytics.metrics-interval}. Counts are all-time totals read from
 * the rollups (so they are exact, survive restarts and agree across instances; use
 * {@code delta()} or {@code max()} over instances in queries); labels are enums only,
 * plus the region of the top hotspots, so cardinality stays bounded. Never a customer or
 * complaint id.
 */
@Component
class AnalyticsMetrics {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsMetrics.class);

	/**
	 * The "last 24 hours" of the percentile gauges: the whole hours ending at the end of
	 * the current one (the current hour and the 23 before).
	 */
	private static final Duration RECENT = Duration.ofHours(24);

	static final String FIGURES = "figures";

	static final String DEAD_LETTERS = "dead_letters";

	static final String LAG = "lag";

	private final AnalyticsQueries queries;

	private final HotspotFinder hotspotFinder;

	private final PipelineHealth pipeline;

	private final AnalyticsSettings settings;

	private final MultiGauge complaints;

	private final MultiGauge flags;

	private final MultiGauge closed;

	private final MultiGauge retentionRate;

	private final MultiGauge sla;

	private final MultiGauge firstResponse;

	private final MultiGauge resolution;

	private final MultiGauge satisfaction;

	private final MultiGauge compensation;

	private final MultiGauge hotspots;

	private final MultiGauge deadLetters;

	private final MultiGauge lag;

	private volatile double hotspotCount;

	private volatile double satisfactionAverage = Double.NaN;

	/**
	 * When each part of the gauges was last refreshed (epoch seconds; at first the
	 * start): a part that cannot be read keeps its last values, which the alerts on dead
	 * letters and lag read, so its age is exported for an alert of its own.
	 */
	private final Map<String, Double> refreshedAt = new ConcurrentHashMap<>();

	AnalyticsMetrics(AnalyticsQueries queries, HotspotFinder hotspotFinder, PipelineHealth pipeline,
			AnalyticsSettings settings, MeterRegistry registry) {
		this.queries = queries;
		this.hotspotFinder = hotspotFinder;
		this.pipeline = pipeline;
		this.settings = settings;
		this.complaints = gauge(registry, "complaintflow.complaints",
				"Complaints per lifecycle stage, channel and category, all time");
		this.flags = gauge(registry, "complaintflow.complaint.flags",
				"Complaints escalated, repeat, communicative and communicative-then-escalated, all time");
		this.closed = gauge(registry, "complaintflow.cases.closed", "Closed cases per playbook and outcome, all time");
		this.retentionRate = gauge(registry, "complaintflow.retention.rate",
				"(RETAINED + NUMBER_KEPT) over closed cases per playbook, all time");
		this.sla = gauge(registry, "complaintflow.sla.milestones", "Milestones met and breached per kind, all time");
		this.firstResponse = gauge(registry, "complaintflow.first.response.seconds",
				"Time to first response: percentiles 50, 90 and 99 over the current hour and the 23 before");
		this.resolution = gauge(registry, "complaintflow.resolution.seconds",
				"Time to resolution: percentiles 50, 90 and 99 over the current hour and the 23 before");
		this.satisfaction = gauge(registry, "complaintflow.callbacks", "Callbacks per satisfaction score, all time");
		this.compensation = gauge(registry, "complaintflow.compensation",
				"Remedies offered and accepted: count and value, all time");
		this.hotspots = gauge(registry, "complaintflow.hotspot.growth",
				"Growth factor of the top hotspots (region x category) against their trailing baseline");
		this.deadLetters = gauge(registry, "complaintflow.dlt.records", "Records in each dead-letter topic");
		this.lag = gauge(registry, "complaintflow.consumer.lag", "Records behind per consumer group and topic");
		for (String part : List.of(FIGURES, DEAD_LETTERS, LAG)) {
			refreshed(part, Instant.now());
			Gauge.builder("complaintflow.metrics.refresh.timestamp", this.refreshedAt, (times) -> times.get(part))
				.description("When this instance last refreshed the part's gauges (figures, dead_letters, lag)")
				.baseUnit("seconds")
				.tag("part", part)
				.register(registry);
		}
		Gauge.builder("complaintflow.hotspots", this, (metrics) -> metrics.hotspotCount)
			.description("Region x category pairs that are hotspots now")
			.register(registry);
		Gauge.builder("complaintflow.satisfaction.average", this, (metrics) -> metrics.satisfactionAverage)
			.description("Average callback satisfaction (1 to 5), all time")
			.register(registry);
	}

	private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
		return MultiGauge.builder(name).description(description).register(registry);
	}

	@Scheduled(fixedDelayString = "${complaintflow.analytics.metrics-interval:15s}", initialDelay = 1000)
	void refresh() {
		Instant now = Instant.now();
		try {
			refreshFigures(now);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not refresh analytics gauges", ex);
		}
		refreshPipeline(now);
	}

	void refreshFigures(Instant now) {
		Summary all = this.queries.summary(Instant.EPOCH, now, RollupFilter.NONE);
		List<MultiGauge.Row<?>> complaintRows = new ArrayList<>();
		this.queries.stagesByChannelAndCategory(Instant.EPOCH, now)
			.forEach((pair) -> pair.stages()
				.forEach((stage, count) -> complaintRows.add(MultiGauge.Row
					.of(Tags.of("stage", stage, "channel", pair.channel(), "category", pair.category()), count))));
		this.complaints.register(complaintRows, true);
		List<MultiGauge.Row<?>> flagRows = new ArrayList<>();
		all.totals().forEach((name, count) -> {
			if (!Measures.STAGES.contains(name)) {
				flagRows.add(MultiGauge.Row.of(Tags.of("flag", name), count));
			}
		});
		this.flags.register(flagRows, true);
		List<MultiGauge.Row<?>> closedRows = new ArrayList<>();
		List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
		for (AnalyticsQueries.PlaybookRetention playbook : this.queries.retention(Instant.EPOCH, now,
				RollupFilter.NONE)) {
			playbook.retention()
				.outcomes()
				.forEach((outcome, count) -> closedRows
					.add(MultiGauge.Row.of(Tags.of("playbook", playbook.playbook(), "outcome", outcome), count)));
			if (playbook.retention().retentionRate() != null) {
				rateRows.add(MultiGauge.Row.of(Tags.of("playbook", playbook.playbook()),
						playbook.retention().retentionRate()));
			}
		}
		this.closed.register(closedRows, true);
		this.retentionRate.register(rateRows, true);
		List<MultiGauge.Row<?>> slaRows = new ArrayList<>();
		all.sla().forEach((milestone, figures) -> {
			slaRows.add(MultiGauge.Row.of(Tags.of("milestone", milestone, "result", "met"), figures.met()));
			slaRows.add(MultiGauge.Row.of(Tags.of("milestone", milestone, "result", "breached"), figures.breached()));
		});
		this.sla.register(slaRows, true);
		Instant recentEnd = Hours.ceilHour(now);
		Summary recent = this.queries.summary(recentEnd.minus(RECENT), recentEnd, RollupFilter.NONE);
		this.firstResponse.register(quantiles(recent.firstResponse()), true);
		this.resolution.register(quantiles(recent.resolution()), true);
		List<MultiGauge.Row<?>> scoreRows = new ArrayList<>();
		all.satisfaction()
			.distribution()
			.forEach((score, count) -> scoreRows.add(MultiGauge.Row.of(Tags.of("score", score), count)));
		this.satisfaction.register(scoreRows, true);
		this.satisfactionAverage = (all.satisfaction().average() != null) ? all.satisfaction().average() : Double.NaN;
		Figures.Compensation money = all.compensation();
		this.compensation.register(
				List.of(MultiGauge.Row.of(Tags.of("stage", "offered", "measure", "count"), money.offered()),
						MultiGauge.Row.of(Tags.of("stage", "offered", "measure", "value"), money.offeredValue()),
						MultiGauge.Row.of(Tags.of("stage", "accepted", "measure", "count"), money.accepted()),
						MultiGauge.Row.of(Tags.of("stage", "accepted", "measure", "value"), money.acceptedValue())),
				true);
		List<Hotspot> found = this.hotspotFinder.find(now);
		this.hotspotCount = found.size();
		this.hotspots.register(found.stream()
			.limit(this.settings.hotspots().exported()).<MultiGauge
					.Row<?>>map(
							(hotspot) -> MultiGauge.Row.of(
									Tags.of("region", hotspot.region(), "category", hotspot.category()),
									hotspot.growthFactor()))
			.toList(), true);
		refreshed(FIGURES, now);
	}

	private void refreshed(String part, Instant at) {
		this.refreshedAt.put(part, at.toEpochMilli() / 1000.0);
	}

	private static List<MultiGauge.Row<?>> quantiles(Figures.Distribution distribution) {
		Map<String, Double> values = new TreeMap<>();
		values.put("50", distribution.p50Minutes());
		values.put("90", distribution.p90Minutes());
		values.put("99", distribution.p99Minutes());
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		values.forEach((percentile, minutes) -> {
			if (minutes != null) {
				// Prometheus' base unit of time is the second; its "quantile" label
				// belongs to summaries only, so these precomputed figures are labelled
				// "percentile"
				rows.add(MultiGauge.Row.of(Tags.of("percentile", percentile), minutes * 60));
			}
		});
		return rows;
	}

	/**
	 * Dead-letter sizes and consumer lag, each on its own: a failure of one keeps the
	 * other fresh.
	 */
	void refreshPipeline(Instant now) {
		readFromBroker(DEAD_LETTERS, now, () -> {
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			this.pipeline.deadLetters()
				.forEach((topic, records) -> rows.add(MultiGauge.Row.of(Tags.of("topic", topic), records)));
			this.deadLetters.register(rows, true);
		});
		readFromBroker(LAG, now, () -> {
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			for (String group : this.settings.lagGroups()) {
				this.pipeline.lag(group)
					.forEach((topic, records) -> rows
						.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), records)));
			}
			this.lag.register(rows, true);
		});
	}

	private void readFromBroker(String part, Instant now, BrokerRead read) {
		try {
			read.run();
			refreshed(part, now);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.warn("Could not read {} from the broker: {}", part, ex.toString());
		}
	}

	/** A read of the broker's state for the gauges. */
	@FunctionalInterface
	private interface BrokerRead {

		void run() throws Exception;

	}

}
