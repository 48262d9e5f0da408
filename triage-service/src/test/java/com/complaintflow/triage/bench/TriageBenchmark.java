package com.complaintflow.triage.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.Topics;
import com.complaintflow.events.ValueTier;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.triage.TriageApplication;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.ModelFile;
import com.complaintflow.triage.model.ModelRegistry;
import com.complaintflow.triage.model.training.LabelStore;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesLoader;
import com.complaintflow.triage.rules.TriageContext;
import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.RawBsonDocument;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Decisions per second of one triage instance: the rule engine alone (one thread and all
 * cores), and the whole service through the embedded Kafka broker and MongoDB wire server
 * (consume, history, outage check, decide, store, publish with acks=all). Run by
 * {@code bench/triage-bench.sh}.
 */
public final class TriageBenchmark {

	private static final String[] TEXTS = {
			"Broadband drops every 15 minutes since this morning and I work from home, please send someone.",
			"I was charged twice for October, $89.99 each. I want the duplicate charge refunded.",
			"The agent was extremely rude and hung up on me. I want an apology.",
			"Verizon says I'd only pay $40 for the same plan, you charge me $85. Why shouldn't I switch?",
			"I'm not leaving, I just want the wifi to stop disconnecting every evening.",
			"This is the third time my phone was sent for repair and the screen still goes black.",
			"宽带从早上开始就断网了，我在家办公，很着急，请尽快派人来修一下。", "这个月话费莫名其妙多扣了50块，我根本没有订购什么增值业务，请退款！", "上周报修宽带，说好48小时内上门，到现在还没人来。",
			"营业厅工作人员态度恶劣，爱理不理的，问两句就不耐烦。", "移动那边搞活动，转网送手机，还送一年宽带，你们有什么优惠？", "單位配了工作手機，這個號碼用不著了，想銷戶。" };

	private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
		.getOperatingSystemMXBean();

	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private TriageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Set<String> modes = Set
			.copyOf(Arrays.asList((args.length > 0) ? args : new String[] { "engine", "model", "kafka" }));
		int seconds = Integer.getInteger("bench.seconds", 10);
		int complaints = Integer.getInteger("bench.complaints", 20000);
		System.out.printf("triage benchmark, %s, %d cores, Java %s%n", Instant.now(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		if (modes.contains("engine")) {
			engine(seconds);
		}
		if (modes.contains("model")) {
			model(seconds);
		}
		if (modes.contains("kafka")) {
			kafka(complaints);
		}
		System.exit(0);
	}

	private static void engine(int seconds) throws Exception {
		RuleSet rules = RulesLoader.bundled();
		List<ComplaintReceived> corpus = corpus(1000, "BENCH");
		System.out.printf("%nRule engine alone (rules %s, %d distinct complaints, %d s per run)%n", rules.version(),
				TEXTS.length, seconds);
		run(rules, corpus, 1, 3, new long[1]);
		for (int threads : new int[] { 1, Runtime.getRuntime().availableProcessors() }) {
			long[] cpuNanos = new long[1];
			long decisions = run(rules, corpus, threads, seconds, cpuNanos);
			// CPU time is what the engine costs; wall-clock throughput also depends on
			// what else runs
			System.out.printf(
					"  %d thread(s): %,.0f decisions/s wall clock; %.0f us CPU per decision "
							+ "= %,.0f decisions per CPU-second%n",
					threads, (double) decisions / seconds, cpuNanos[0] / 1e3 / decisions,
					decisions / (cpuNanos[0] / 1e9));
		}
	}

	/**
	 * Rules and learned models together, as the service decides: model load time and
	 * heap, then the CPU time of each decision (median, p99, max) over real complaint
	 * texts when ../shared/data is present (else the built-in texts).
	 */
	private static void model(int seconds) throws Exception {
		RuleSet rules = RulesLoader.bundled();
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		long heapBefore = runtime.totalMemory() - runtime.freeMemory();
		long started = System.nanoTime();
		Map<Language, LanguageModel> models = new java.util.EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			try (java.io.InputStream in = TriageBenchmark.class.getClassLoader()
				.getResourceAsStream(ModelRegistry.BUNDLED_DIR + ModelFile.fileName(language))) {
				if (in != null) {
					models.put(language, ModelFile.read(in, language.name()));
				}
			}
		}
		double loadMillis = (System.nanoTime() - started) / 1e6;
		System.gc();
		long heapAfter = runtime.totalMemory() - runtime.freeMemory();
		List<ComplaintReceived> corpus = realCorpus();
		System.out.printf("%nRules and models (rules %s; models %s), %d complaints%n", rules.version(),
				models.values().stream().map(LanguageModel::version).toList(), corpus.size());
		System.out.printf("  load: %.0f ms for %d model(s), heap +%.1f MB%n", loadMillis, models.size(),
				(heapAfter - heapBefore) / 1e6);
		measure("rules alone", seconds, corpus,
				(complaint) -> rules.decide(rules.analyze(complaint), TriageContext.NONE));
		measure("models alone", seconds, corpus, (complaint) -> {
			LanguageModel model = models.get(complaint.language());
			if (model != null) {
				model.advise(complaint.description());
			}
		});
		measure("rules and models", seconds, corpus, (complaint) -> {
			LanguageModel model = models.get(complaint.language());
			rules.decide(
					rules.analyze(complaint,
							(signals) -> (model != null) ? model.advise(complaint.description(), signals) : Map.of()),
					TriageContext.NONE);
		});
	}

	private static void measure(String what, int seconds, List<ComplaintReceived> corpus,
			java.util.function.Consumer<ComplaintReceived> decide) {
		long end = System.nanoTime() + Duration.ofSeconds(3 + seconds).toNanos();
		long measureFrom = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		long[] samples = new long[1 << 20];
		int count = 0;
		int i = 0;
		while (System.nanoTime() < end && count < samples.length) {
			ComplaintReceived complaint = corpus.get(i++ % corpus.size());
			long cpu = CPU.getCurrentThreadCpuTime();
			decide.accept(complaint);
			long spent = CPU.getCurrentThreadCpuTime() - cpu;
			if (System.nanoTime() >= measureFrom) {
				samples[count++] = spent;
			}
		}
		long[] sorted = Arrays.copyOf(samples, count);
		Arrays.sort(sorted);
		System.out.printf("  %s, 1 thread: %,d decisions; CPU per decision median %.3f ms, p99 %.3f ms, max %.1f ms%n",
				what, count, sorted[count / 2] / 1e6, sorted[(int) (count * 0.99)] / 1e6, sorted[count - 1] / 1e6);
	}

	/**
	 * Real complaint texts from ../shared/data (Comcast and Weibo), or the built-in ones.
	 */
	private static List<ComplaintReceived> realCorpus() throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("triage.data.dir", "../shared/data"));
		if (!java.nio.file.Files.isDirectory(dir)) {
			return corpus(1000, "BENCH");
		}
		List<ComplaintReceived> corpus = new ArrayList<>();
		for (LabelStore.DataSet set : LabelStore.DataSet.values()) {
			int i = 0;
			for (String text : LabelStore.texts(dir, set).values()) {
				corpus.add(Scoring.complaint(text, set.language, set + "-" + i++));
			}
		}
		java.util.Collections.shuffle(corpus, new java.util.Random(1));
		return corpus;
	}

	private static long run(RuleSet rules, List<ComplaintReceived> corpus, int threads, int seconds, long[] cpuNanos)
			throws Exception {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Long>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			results.add(pool.submit(() -> {
				long cpuStart = CPU.getCurrentThreadCpuTime();
				long count = 0;
				int i = 0;
				while (System.nanoTime() < end) {
					rules.decide(corpus.get(i++ % corpus.size()), TriageContext.NONE);
					count++;
				}
				synchronized (cpuNanos) {
					cpuNanos[0] += CPU.getCurrentThreadCpuTime() - cpuStart;
				}
				return count;
			}));
		}
		long total = 0;
		for (Future<Long> result : results) {
			total += result.get();
		}
		pool.shutdown();
		return total;
	}

	private static void kafka(int complaints) throws Exception {
		int regions = Integer.getInteger("bench.regions", 200);
		System.out.printf("%nThrough Kafka and MongoDB (embedded broker, mongo-java-server in memory), %,d complaints"
				+ " in %d regions%n", complaints, regions);
		String bootstrap = TestInfrastructure.bootstrapServers();
		String database = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		String mongoUri = TestInfrastructure.mongoUri();
		if ("h2".equals(System.getProperty("bench.wire"))) {
			// the H2 file backend, as dev/wire-server and the pipeline benchmark run it
			java.nio.file.Path file = java.nio.file.Files.createTempFile("triage-bench", ".h2");
			file.toFile().deleteOnExit();
			MongoServer server = new MongoServer(WireServerBackends.h2File(file.toString()));
			java.net.InetSocketAddress address = server.bind();
			mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
			System.out.printf("  wire server: H2 file backend (%s)%n", file);
		}
		// command-line arguments: they win over application.yml, unlike default
		// properties
		ConfigurableApplicationContext app = new SpringApplicationBuilder(TriageApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
					"--spring.mongodb.uri=" + mongoUri + "/" + database, "--spring.mongodb.database=" + database,
					"--spring.kafka.consumer.group-id=triage-bench-" + database, "--logging.level.root=WARN",
					"--spring.kafka.listener.concurrency=" + System.getProperty("bench.concurrency", "1"),
					// small polls, as a service that keeps up with a steady rate gets
					// them
					"--spring.kafka.consumer.max-poll-records=" + System.getProperty("bench.maxPollRecords", "500"));
		List<ComplaintReceived> corpus = corpus(complaints, database, regions);
		try (KafkaConsumer<String, byte[]> triaged = consumer(bootstrap, Topics.TRIAGED);
				KafkaProducer<String, ComplaintEvent> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
								ProducerConfig.LINGER_MS_CONFIG, 5),
						new StringSerializer(), new ComplaintEventSerializer())) {
			triaged.poll(Duration.ofSeconds(2));
			long cpuStart = PROCESS.getProcessCpuTime();
			long wireStart = wireServerCpu();
			long start = System.nanoTime();
			for (ComplaintReceived complaint : corpus) {
				producer.send(new ProducerRecord<>(Topics.RECEIVED, complaint.customerId(), complaint));
			}
			producer.flush();
			long produced = System.nanoTime();
			AtomicInteger seen = new AtomicInteger();
			long deadline = start + Duration.ofMinutes(10).toNanos();
			while (seen.get() < complaints && System.nanoTime() < deadline) {
				triaged.poll(Duration.ofMillis(500))
					.forEach((record) -> seen.addAndGet(
							new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(database) ? 1
									: 0));
			}
			double secondsTaken = (System.nanoTime() - start) / 1e9;
			long cpu = PROCESS.getProcessCpuTime() - cpuStart;
			long wire = wireServerCpu() - wireStart;
			System.out.printf("  produced in %.1f s; %,d decisions published in %.1f s: %,.0f decisions/s%n",
					(produced - start) / 1e9, seen.get(), secondsTaken, seen.get() / secondsTaken);
			System.out.printf("  process CPU (triage, broker, wire server, client): %.2f ms per decision%n",
					cpu / 1e6 / Math.max(1, seen.get()));
			System.out.printf("  of which the wire server's threads: %.2f ms per decision%n",
					wire / 1e6 / Math.max(1, seen.get()));
			documentSizes(app.getBean(MongoTemplate.class));
		}
		finally {
			app.close();
		}
	}

	/**
	 * CPU time of the wire server's threads so far (its network workers and H2's
	 * background writer).
	 */
	private static long wireServerCpu() {
		long total = 0;
		for (java.lang.management.ThreadInfo thread : CPU.dumpAllThreads(false, false)) {
			if (thread.getThreadName().startsWith("mongo-server") || thread.getThreadName().startsWith("H2")) {
				total += Math.max(0, CPU.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return total;
	}

	/** The number, mean and largest size of the documents of outage detection. */
	private static void documentSizes(MongoTemplate mongo) {
		for (String collection : List.of("outage_regions", "incidents", "incident_first_members", "incident_members")) {
			long count = 0;
			long bytes = 0;
			long largest = 0;
			for (RawBsonDocument document : mongo.getCollection(collection)
				.withDocumentClass(RawBsonDocument.class)
				.find()) {
				long size = document.getByteBuffer().remaining();
				count++;
				bytes += size;
				largest = Math.max(largest, size);
			}
			System.out.printf("  %-22s %,7d documents, mean %,7d bytes, largest %,7d bytes%n", collection, count,
					(count > 0) ? bytes / count : 0, largest);
		}
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String topic) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	private static List<ComplaintReceived> corpus(int size, String run) {
		return corpus(size, run, 200);
	}

	private static List<ComplaintReceived> corpus(int size, String run, int regions) {
		List<ComplaintReceived> corpus = new ArrayList<>(size);
		Instant now = EventMetadata.now();
		for (int i = 0; i < size; i++) {
			String text = TEXTS[i % TEXTS.length];
			String customerId = run + "-C" + (i % 5000);
			corpus.add(new ComplaintReceived(EventMetadata.newEventId(), "bench", now, run + "-" + i, customerId,
					ComplaintEvent.CURRENT_SCHEMA_VERSION, Channel.APP,
					new Customer(customerId, null, null, ValueTier.values()[i % 4]), now,
					new Location("R-" + (i % regions), null), text, null, null, null, (BigDecimal) null,
					EmotionCues.NONE, text.matches(".*\\p{IsHan}.*") ? Language.ZH : Language.EN));
		}
		return corpus;
	}

}
