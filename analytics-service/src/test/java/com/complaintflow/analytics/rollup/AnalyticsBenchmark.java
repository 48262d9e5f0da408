package com.complaintflow.analytics.rollup;

import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.complaintflow.analytics.AnalyticsApplication;
import com.complaintflow.analytics.AnalyticsClient;
import com.complaintflow.analytics.AnalyticsTestProperties;
import com.complaintflow.analytics.ScenarioEvents;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.support.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analytics benchmark, run by {@code bench/analytics.sh}: (1) events ingested per
 * second by one instance of the Streams application from a backlog on the real broker,
 * how long until the rollups in the Mongo wire server are complete, and whether their
 * totals are exact; (2) the summary query over rollups representing 10,000,000 complaints
 * (generated directly as one year of day buckets), in process and over HTTP. Arguments:
 * complaints (12,000), rollup complaints (10,000,000; 0 skips), the span the complaints
 * are received over (ISO duration, P30D; PT1H puts them all in one hour).
 */
public final class AnalyticsBenchmark {

	private static final int PARTITIONS = 6;

	private AnalyticsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int complaints = (args.length > 0) ? Integer.parseInt(args[0]) : 12_000;
		long total = (args.length > 1) ? Long.parseLong(args[1]) : 10_000_000L;
		System.out.println("analytics benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version"));
		Duration spread = (args.length > 2) ? Duration.parse(args[2]) : Duration.ofDays(30);
		try {
			ingest(complaints, spread);
			if (total > 0) {
				summary(total);
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static void ingest(int complaints, Duration spread) throws Exception {
		Instant start = Instant.parse("2026-10-01T00:00:00Z");
		// the topics with the partitions analytics is started with: the backlog is
		// published before it runs, and the services never add partitions to a topic
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			admin.createTopics(Topics.ALL.stream().map((topic) -> new NewTopic(topic, PARTITIONS, (short) 1)).toList())
				.all()
				.get();
		}
		// published as generated and counted by type: a million complaints (five million
		// events) need not sit in the heap the broker and the wire server share
		Map<String, Long> published = new java.util.TreeMap<>();
		AtomicReference<Exception> failure = new AtomicReference<>();
		long publishStart = System.nanoTime();
		try (KafkaProducer<String, ComplaintEvent> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new ComplaintEventSerializer())) {
			ScenarioEvents.forEach("bench-" + UUID.randomUUID(), complaints, start, spread, 1, (event) -> {
				published.merge(event.type(), 1L, Long::sum);
				producer.send(new ProducerRecord<>(EventType.of(event).topic(), event.customerId(), event),
						(metadata, exception) -> {
							if (exception != null) {
								failure.compareAndSet(null, exception);
							}
						});
			});
			producer.flush();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("publishing the events failed", failure.get());
		}
		long events = published.values().stream().mapToLong(Long::longValue).sum();
		long received = published.getOrDefault("complaint-received", 0L);
		long triaged = published.getOrDefault("complaint-triaged", 0L);
		long closed = published.getOrDefault("case-closed", 0L);
		System.out.printf(Locale.ROOT,
				"%n[ingest] %d events of %d complaints (complaints received over %s) published in %.1f s%n", events,
				complaints, spread, (System.nanoTime() - publishStart) / 1e9);
		try (ConfigurableApplicationContext app = start("bench-ingest", true)) {
			MeterRegistry registry = app.getBean(MeterRegistry.class);
			AnalyticsQueries queries = app.getBean(AnalyticsQueries.class);
			Supplier<Double> ingested = () -> registry.find("complaintflow.analytics.events.ingested")
				.counters()
				.stream()
				.mapToDouble((counter) -> counter.count())
				.sum();
			Map<String, Long> expected = Map.of("received", received, "triaged", triaged, "closed", closed);
			Supplier<Map<String, Long>> counted = () -> {
				Map<String, Long> totals = queries.summary(start, start.plus(Duration.ofDays(400)), RollupFilter.NONE)
					.totals();
				return Map.of("received", totals.getOrDefault("received", 0L), "triaged",
						totals.getOrDefault("triaged", 0L), "closed", totals.getOrDefault("closed", 0L));
			};
			while (ingested.get() == 0) {
				TimeUnit.MILLISECONDS.sleep(1);
			}
			long begin = System.nanoTime();
			long cpuBegin = processCpuNanos();
			Map<String, Long> commandsBegin = mongoCommands(registry);
			long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
			while (ingested.get() < events && System.nanoTime() < deadline) {
				TimeUnit.MILLISECONDS.sleep(5);
			}
			double seconds = (System.nanoTime() - begin) / 1e9;
			// complete when the three totals are; stalled when they stop moving for two
			// minutes (a rebalance after a long pause of this crowded JVM can hold them
			// that long); the totals are printed every 30 s meanwhile
			Map<String, Long> last = counted.get();
			long lastChange = System.nanoTime();
			long lastPrinted = System.nanoTime();
			while (!last.equals(expected) && System.nanoTime() < deadline
					&& System.nanoTime() - lastChange < Duration.ofMinutes(2).toNanos()) {
				TimeUnit.MILLISECONDS.sleep(50);
				Map<String, Long> now = counted.get();
				if (!now.equals(last)) {
					last = now;
					lastChange = System.nanoTime();
				}
				if (System.nanoTime() - lastPrinted > Duration.ofSeconds(30).toNanos()) {
					System.out.printf(Locale.ROOT, "[ingest] %.0f s: totals %s of %s%n",
							(System.nanoTime() - begin) / 1e9, last, expected);
					lastPrinted = System.nanoTime();
				}
			}
			double caughtUp = (System.nanoTime() - begin) / 1e9;
			double cpu = (processCpuNanos() - cpuBegin) / 1e9;
			Map<String, Long> commands = mongoCommands(registry);
			commandsBegin.forEach((name, count) -> commands.merge(name, -count, Long::sum));
			long writes = commands.getOrDefault("update", 0L) + commands.getOrDefault("insert", 0L);
			System.out.printf(Locale.ROOT,
					"[ingest] %d events read by the Streams application in %.2f s = %.0f events/s%n", events, seconds,
					events / seconds);
			System.out.printf(Locale.ROOT,
					"[ingest] rollups in MongoDB complete (received, triaged and closed totals) after %.2f s (%.0f events/s end to end); CPU of this JVM (broker, wire server and analytics together) %.1f s = %.2f ms per event%n",
					caughtUp, events / caughtUp, cpu, cpu * 1000 / events);
			System.out.printf(Locale.ROOT,
					"[ingest] MongoDB commands by name (driver command listener; the finds are the benchmark's polling): %s; writes %.4f per event, %.4f per complaint%n",
					commands, (double) writes / events, (double) writes / complaints);
			Map<String, Long> totals = counted.get();
			boolean exact = totals.getOrDefault("received", 0L) == received
					&& totals.getOrDefault("triaged", 0L) == triaged && totals.getOrDefault("closed", 0L) == closed;
			System.out.printf(Locale.ROOT, "[ingest] totals received %d / %d, triaged %d / %d, closed %d / %d: %s%n",
					totals.getOrDefault("received", 0L), received, totals.getOrDefault("triaged", 0L), triaged,
					totals.getOrDefault("closed", 0L), closed, exact ? "EXACT" : "NOT EXACT");
			if (!exact) {
				throw new IllegalStateException("totals are not exact");
			}
		}
	}

	/**
	 * Commands the MongoDB driver sent, by command name, as Boot's command listener
	 * counts them.
	 */
	private static Map<String, Long> mongoCommands(MeterRegistry registry) {
		Map<String, Long> commands = new java.util.TreeMap<>();
		registry.find("mongodb.driver.commands")
			.timers()
			.forEach((timer) -> commands.merge(String.valueOf(timer.getId().getTag("command")), timer.count(),
					Long::sum));
		return commands;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static void summary(long totalComplaints) throws Exception {
		try (ConfigurableApplicationContext app = start("bench-summary", false)) {
			RollupStore store = app.getBean(RollupStore.class);
			Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
			Instant start = end.minus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
			long generation = System.nanoTime();
			long buckets = generate(store, start, end, totalComplaints);
			System.out.printf(Locale.ROOT,
					"%n[summary] generated %d day buckets of %,d complaints over 365 days in %.1f s%n", buckets,
					totalComplaints, (System.nanoTime() - generation) / 1e9);
			AnalyticsQueries queries = app.getBean(AnalyticsQueries.class);
			long received = queries.summary(start, end, RollupFilter.NONE).totals().get("received");
			System.out.printf(Locale.ROOT, "[summary] the rollups hold %,d received complaints%n", received);
			time("summary, all 365 days, no filter (in process)",
					() -> queries.summary(Instant.EPOCH, end, RollupFilter.NONE));
			time("summary, last 30 days, no filter (in process)",
					() -> queries.summary(end.minus(30, ChronoUnit.DAYS).plusSeconds(1800), end, RollupFilter.NONE));
			time("summary, last 30 days, channel=HOTLINE (in process)", () -> queries
				.summary(end.minus(30, ChronoUnit.DAYS), end, new RollupFilter("HOTLINE", null, null, null, null)));
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			AnalyticsClient client = new AnalyticsClient(port, "ops", "ops-dev");
			time("GET /api/v1/analytics/summary, all 365 days (HTTP)", () -> client.get("/api/v1/analytics/summary"));
		}
	}

	/**
	 * One year of day buckets (main and region view) and the hour buckets of the last
	 * day.
	 */
	private static long generate(RollupStore store, Instant start, Instant end, long totalComplaints) {
		Random random = new Random(3);
		long days = Duration.between(start, end).toDays();
		long perDay = totalComplaints / days;
		long count = 0;
		Map<Instant, Map<String, Counters>> months = new LinkedHashMap<>();
		for (Instant day = start; day.isBefore(end.truncatedTo(ChronoUnit.DAYS)); day = day.plus(1, ChronoUnit.DAYS)) {
			Map<String, Counters> buckets = buckets(random, perDay);
			count += buckets.size();
			write(store, Grain.DAY, day, buckets);
			Map<String, Counters> month = months.computeIfAbsent(Grain.MONTH.startOf(day),
					(key) -> new LinkedHashMap<>());
			buckets.forEach((field, counters) -> month.computeIfAbsent(field, (key) -> new Counters()).merge(counters));
		}
		Instant lastDay = end.truncatedTo(ChronoUnit.DAYS);
		Map<String, Counters> today = new LinkedHashMap<>();
		for (Instant hour = lastDay; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
			Map<String, Counters> buckets = buckets(random, perDay / 24);
			write(store, Grain.HOUR, hour, buckets);
			buckets.forEach((field, counters) -> today.computeIfAbsent(field, (key) -> new Counters()).merge(counters));
		}
		write(store, Grain.DAY, lastDay, today);
		Map<String, Counters> lastMonth = months.computeIfAbsent(Grain.MONTH.startOf(lastDay),
				(key) -> new LinkedHashMap<>());
		today.forEach((field, counters) -> lastMonth.computeIfAbsent(field, (key) -> new Counters()).merge(counters));
		months.forEach((month, buckets) -> write(store, Grain.MONTH, month, buckets));
		return count;
	}

	private static void write(RollupStore store, Grain grain, Instant period, Map<String, Counters> buckets) {
		store.write(Map.of(grain.id(period), buckets));
	}

	/** Buckets of one period by field, both views. */
	private static Map<String, Counters> buckets(Random random, long complaints) {
		String[] regions = new String[20];
		Arrays.setAll(regions, (i) -> "R-" + i);
		Map<String, Counters> buckets = new LinkedHashMap<>();
		for (long i = 0; i < complaints; i += 25) {
			Category category = Category.values()[random.nextInt(Category.values().length)];
			Dims dims = new Dims(Channel.values()[random.nextInt(3)].name(), category.name(),
					regions[random.nextInt(regions.length)], Persona.values()[random.nextInt(3)].name(),
					Playbook.values()[category.ordinal() % Playbook.values().length].name());
			Counters counters = complaintsOf(random, (int) Math.min(25, complaints - i));
			for (View view : View.values()) {
				buckets
					.computeIfAbsent(new BucketKey(Grain.DAY, Instant.EPOCH, view, view.project(dims)).field(),
							(id) -> new Counters())
					.merge(counters);
			}
		}
		return buckets;
	}

	private static Counters complaintsOf(Random random, int n) {
		Counters counters = new Counters();
		for (int i = 0; i < n; i++) {
			counters.add("received", 1).add("triaged", 1).add("opened", 1);
			if (random.nextInt(10) < 8) {
				counters.add("resolved", 1).add("closed", 1);
				counters.add(Measures.OUTCOME + Outcome.values()[random.nextInt(3)].name(), 1);
				counters.add(Measures.SATISFACTION + (1 + random.nextInt(5)), 1);
				DurationHistogram.record(counters, Measures.RESOLUTION, Duration.ofMinutes(30 + random.nextInt(3000)));
			}
			DurationHistogram.record(counters, Measures.FIRST_RESPONSE, Duration.ofMinutes(1 + random.nextInt(600)));
			counters.add(((random.nextInt(10) == 0) ? Measures.SLA_BREACHED : Measures.SLA_MET)
					+ MilestoneKind.FIRST_RESPONSE.name(), 1);
		}
		return counters;
	}

	private static void time(String name, Runnable query) {
		for (int i = 0; i < 5; i++) {
			query.run();
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long start = System.nanoTime();
			query.run();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		millis.sort(Double::compare);
		System.out.printf(Locale.ROOT, "[summary] %-55s median %6.1f ms, p95 %6.1f ms, max %6.1f ms%n", name,
				millis.get(15), millis.get(28), millis.get(29));
	}

	private static ConfigurableApplicationContext start(String name, boolean listen) {
		String database = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		return new SpringApplicationBuilder(AnalyticsApplication.class).profiles("local")
			.logStartupInfo(false)
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
					"--spring.mongodb.uri=" + TestInfrastructure.mongoUri() + "/" + database,
					"--spring.mongodb.database=" + database,
					"--spring.kafka.streams.application-id=" + AnalyticsTestProperties.applicationId(name),
					"--spring.kafka.streams.state-dir=" + AnalyticsTestProperties.stateDir(),
					"--spring.kafka.streams.auto-startup=" + listen, "--spring.kafka.listener.auto-startup=" + listen,
					"--complaintflow.kafka.partitions=" + PARTITIONS, "--complaintflow.analytics.metrics-interval=1h",
					"--logging.level.root=WARN", "--logging.level.org.apache.kafka=ERROR",
					"--logging.level.de.bwaldvogel=ERROR");
	}

}
