package com.complaintflow.followup.bench;

import java.util.concurrent.TimeUnit;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.FollowupApplication;
import com.complaintflow.followup.TestEvents;
import com.complaintflow.support.kafka.EventPublisher;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The follow-up benchmark: N pending milestones in the MongoDB wire server, case creation
 * throughput through Kafka, the lateness of reminders due during a window, whether any
 * was lost or doubled, and the service's heap. Run with {@code bench/followup.sh}.
 * Arguments: milestones (1000000), cases opened through Kafka (10000), reminders due in
 * the window (20000), window seconds (60), timer lookahead (1s).
 */
public final class FollowupBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 2000;

	private FollowupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int milestones = arg(args, 0, 1_000_000);
		int kafkaCases = arg(args, 1, 10_000);
		int dueCases = arg(args, 2, 20_000);
		int windowSeconds = arg(args, 3, 60);
		String lookahead = (args.length > 4) ? args[4] : "1s";
		Process infra = startInfrastructure();
		try {
			String[] ready = readReady(infra);
			run(ready[1], "mongodb://" + ready[2], milestones, kafkaCases, dueCases, windowSeconds, lookahead, infra);
		}
		finally {
			infra.destroyForcibly();
		}
		System.exit(0);
	}

	private static void run(String bootstrap, String mongoUri, int milestones, int kafkaCases, int dueCases,
			int windowSeconds, String lookahead, Process infra) throws Exception {
		ConfigurableApplicationContext service = new SpringApplicationBuilder(FollowupApplication.class)
			.profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
					"--spring.mongodb.uri=" + mongoUri + "/bench", "--spring.mongodb.database=bench",
					"--complaintflow.followup.backlog-metrics-interval=1h",
					"--complaintflow.followup.timers.lookahead=" + lookahead,
					"--complaintflow.followup.timers.lease=" + "60s", "--logging.level.root=WARN",
					"--logging.level.org.springframework.kafka.listener=INFO",
					"--logging.level.org.apache.kafka.clients.consumer=INFO");
		EventPublisher publisher = service.getBean(EventPublisher.class);
		MongoTemplate mongo = service.getBean(MongoTemplate.class);
		MongoCollection<Document> cases = mongo.getCollection("cases");
		System.out.printf(
				"followup benchmark %s: %,d pending milestones, %,d cases through Kafka, %,d reminders due in %d s%n",
				Instant.now().truncatedTo(ChronoUnit.SECONDS), milestones, kafkaCases, dueCases, windowSeconds);

		Cpu cpu = new Cpu(infra);
		Instant sent = Instant.now();
		Instant at = sent.truncatedTo(ChronoUnit.MILLIS);
		for (int i = 0; i < kafkaCases; i++) {
			ComplaintTriaged triaged = TestEvents.triaged("BENCH-K-" + i, at);
			publisher.publish(triaged);
		}
		while (cases.countDocuments() < kafkaCases) {
			if (!infra.isAlive()) {
				throw new IllegalStateException("The benchmark infrastructure JVM died; see "
						+ System.getProperty("java.io.tmpdir") + "/followup-bench-infra.log");
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
		double seconds = Duration.between(sent, Instant.now()).toMillis() / 1000.0;
		System.out.printf(
				"case creation through Kafka: %,d cases in %.1f s = %,.0f cases/s (consume, store, publish CaseOpened)%n",
				kafkaCases, seconds, kafkaCases / seconds);
		cpu.print("case creation", kafkaCases, "case");

		Document template = cases.find().first();
		int milestonesPerCase = template.getList("milestones", Document.class).size();
		int bulkCases = Math.max(dueCases, (milestones - kafkaCases * milestonesPerCase) / milestonesPerCase);
		long windowMs = template.getList("milestones", Document.class).get(0).getLong("windowMs");
		Instant loadStart = Instant.now();
		Instant later = loadStart.plus(Duration.ofDays(1));
		java.util.function.IntFunction<Instant> laterAt = (i) -> later.plus(Duration.ofDays(i % 20)).plusMillis(i);
		insert(cases, template, dueCases, bulkCases, laterAt, windowMs);
		MongoCollection<Document> buckets = mongo.getCollection("timer_buckets");
		for (int day = 0; day < 20; day++) {
			int first = dueCases + Math.floorMod(day - dueCases, 20);
			index(buckets, first, bulkCases, 20, laterAt);
		}
		Instant windowStart = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
		java.util.function.IntFunction<Instant> dueAt = (i) -> windowStart
			.plusMillis((long) i * windowSeconds * 1000 / Math.max(1, dueCases));
		insert(cases, template, 0, dueCases, dueAt, windowMs);
		index(buckets, 0, dueCases, 1, dueAt);
		long pending = (long) (bulkCases + kafkaCases) * milestonesPerCase;
		System.out.printf("loaded %,d cases (%,d pending milestones) into the wire server in %.1f s%n", bulkCases,
				pending, Duration.between(loadStart, Instant.now()).toMillis() / 1000.0);
		Instant scanStart = Instant.now();
		cases.countDocuments(new Document("nextFireAt", new Document("$lte", Date.from(Instant.now())))
			.append("leaseUntil", new Document("$lt", Date.from(Instant.now()))));
		System.out.printf(
				"for comparison, one nextFireAt range query (a full scan on the wire server, not used by the service): %d ms%n",
				Duration.between(scanStart, Instant.now()).toMillis());

		cpu = new Cpu(infra);
		List<Long> lateness = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		int duplicates = 0;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.REMINDERS));
			Instant deadline = windowStart.plusSeconds(windowSeconds + 60);
			while (ids.size() < dueCases && Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode reminder = JSON.readTree(record.value());
					if (!reminder.path("caseId").asString().startsWith("bench-")) {
						continue;
					}
					if (!ids.add(reminder.path("eventId").asString())) {
						duplicates++;
						continue;
					}
					Instant due = Instant.parse(reminder.path("dueAt").asString()).minusMillis(windowMs / 2);
					lateness
						.add(Duration.between(due, Instant.parse(reminder.path("occurredAt").asString())).toMillis());
				}
			}
		}
		cpu.print("reminder window (30 s idle lead-in included)", ids.size(), "reminder");
		lateness.sort(Long::compare);
		System.out.printf("reminders due in the window: %,d expected, %,d received, %,d missing, %,d duplicates%n",
				dueCases, ids.size(), dueCases - ids.size(), duplicates);
		if (!lateness.isEmpty()) {
			System.out.printf("lateness: p50 %d ms, p99 %d ms, max %d ms%n", percentile(lateness, 0.50),
					percentile(lateness, 0.99), lateness.get(lateness.size() - 1));
		}
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong((usage) -> usage.getUsed())
			.sum();
		System.gc();
		long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf("service heap: %d MB used after GC, %d MB peak (sum of pool peaks), max %d MB%n", used >> 20,
				peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
		service.close();
	}

	private static void insert(MongoCollection<Document> cases, Document template, int from, int to,
			java.util.function.IntFunction<Instant> fireAt, long windowMs) {
		List<Document> batch = new ArrayList<>(BATCH);
		for (int i = from; i < to; i++) {
			batch.add(pendingCase(template, i, fireAt.apply(i), windowMs));
			if (batch.size() == BATCH || i == to - 1) {
				cases.insertMany(batch);
				batch.clear();
			}
		}
	}

	/**
	 * Writes the timer index entries of bulk-loaded cases as the service does before a
	 * save: one bucket per due second ({@code _id} = epoch second), cases {@code from},
	 * {@code from + step}, ... in increasing due order.
	 */
	private static void index(MongoCollection<Document> buckets, int from, int to, int step,
			java.util.function.IntFunction<Instant> fireAt) {
		List<Document> batch = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		long second = Long.MIN_VALUE;
		for (int i = from; i < to; i += step) {
			long s = fireAt.apply(i).getEpochSecond();
			if (s != second && !ids.isEmpty()) {
				batch.add(new Document("_id", second).append("n", (long) ids.size()).append("cases", ids));
				ids = new ArrayList<>();
			}
			second = s;
			ids.add("bench-" + i);
			if (batch.size() == 500) {
				buckets.insertMany(batch);
				batch.clear();
			}
		}
		if (!ids.isEmpty()) {
			batch.add(new Document("_id", second).append("n", (long) ids.size()).append("cases", ids));
		}
		if (!batch.isEmpty()) {
			buckets.insertMany(batch);
		}
	}

	private static Document pendingCase(Document template, int i, Instant fireAt, long windowMs) {
		String caseId = "bench-" + i;
		Document c = new Document(template);
		c.put("_id", caseId);
		c.put("complaintId", "BENCH-B-" + i);
		c.put("customerId", "C-B-" + (i % 100_000));
		c.put("version", 0L);
		c.put("pendingEvents", List.of());
		c.put("appliedActions", List.of());
		c.put("leaseOwner", null);
		c.put("leaseUntil", new Date(0));
		List<Document> milestones = new ArrayList<>();
		for (Document m : template.getList("milestones", Document.class)) {
			Document copy = new Document(m);
			copy.put("_id", caseId + ":" + m.getString("kind") + ":1");
			if ("FIRST_RESPONSE".equals(m.getString("kind"))) {
				Instant start = fireAt.minusMillis(windowMs / 2);
				copy.put("startedAt", Date.from(start));
				copy.put("runningSince", Date.from(start));
				copy.put("dueAt", Date.from(start.plusMillis(windowMs)));
				copy.put("nextReminderAt", Date.from(fireAt));
			}
			else {
				copy.put("nextReminderAt", Date.from(fireAt.plus(Duration.ofDays(30))));
			}
			milestones.add(copy);
		}
		c.put("milestones", milestones);
		c.put("nextFireAt", Date.from(fireAt));
		return c;
	}

	/**
	 * CPU time of this JVM (the service and the benchmark's consumer) and of the
	 * infrastructure JVM (broker and wire server) since construction.
	 */
	private static final class Cpu {

		private final Process infra;

		private final long service;

		private final long infrastructure;

		Cpu(Process infra) {
			this.infra = infra;
			this.service = serviceNanos();
			this.infrastructure = infraNanos(infra);
		}

		void print(String phase, int count, String unit) {
			double service = (serviceNanos() - this.service) / 1e6;
			double infrastructure = (infraNanos(this.infra) - this.infrastructure) / 1e6;
			System.out.printf("CPU, %s: service %,.0f ms, broker + wire server %,.0f ms; per %s: %.2f ms + %.2f ms%n",
					phase, service, infrastructure, unit, service / Math.max(1, count),
					infrastructure / Math.max(1, count));
		}

		private static long serviceNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		private static long infraNanos(Process infra) {
			return infra.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		}

	}

	private static long percentile(List<Long> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

	private static Process startInfrastructure() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(java,
				"-Xmx" + System.getenv().getOrDefault("FOLLOWUP_BENCH_INFRA_HEAP", "8g"), "-cp",
				System.getProperty("java.class.path"), BenchInfrastructure.class.getName());
		builder.redirectError(ProcessBuilder.Redirect
			.appendTo(new File(System.getProperty("java.io.tmpdir"), "followup-bench-infra.log")));
		return builder.start();
	}

	private static String[] readReady(Process infra) throws Exception {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(infra.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("READY ")) {
				Thread drain = new Thread(() -> reader.lines().forEach((ignored) -> {
				}), "bench-infra-output");
				drain.setDaemon(true);
				drain.start();
				return line.split(" ");
			}
		}
		throw new IllegalStateException("The benchmark infrastructure did not start");
	}

	private static int arg(String[] args, int index, int fallback) {
		return (args.length > index) ? Integer.parseInt(args[index].replace("_", "")) : fallback;
	}

}
