package com.complaintflow.systemtests.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.localstack.QuietLogging;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.load.ComplaintPayloads;
import com.complaintflow.systemtests.load.ComplaintTexts;
import com.complaintflow.systemtests.load.IntakeClient;

/**
 * The pipeline benchmark: real complaint texts posted to intake at fixed rates and at
 * saturation through the multi-process stack (or, with {@code --compose}, the docker
 * compose stack: {@link BenchTarget}); reports accepted complaints per second, HTTP
 * latency, end-to-end latency from the 202 to the case being opened and to the complaint
 * being counted in analytics, consumer lag over time, CPU and memory per process, CPU
 * milliseconds and MongoDB commands per accepted complaint, and the raw Kafka ceiling on
 * the same broker for comparison; the end-to-end rate (accepted over the time until every
 * consumer group has counted the last); JFR profiles on request.
 */
public final class PipelineBenchmark {

	private final ComplaintPayloads payloads;

	private final BenchTarget stack;

	private final IntakeClient client;

	private final AtomicLong sequence = new AtomicLong();

	private PipelineBenchmark(BenchTarget stack, ComplaintTexts texts) {
		this.stack = stack;
		this.payloads = new ComplaintPayloads(texts, 50_000, UUID.randomUUID().toString().substring(0, 8),
				stack.credentials().channelKeys());
		this.client = new IntakeClient(stack.url(Service.INTAKE));
	}

	/**
	 * Runs the benchmark.
	 * @param args {@code [--jfr | --compose] [seconds-per-phase [rates...]]}, default 30
	 * s and rates 1000 and 5000, then saturation; {@code --jfr} profiles every service
	 * with JFR and prints their hottest methods at the end; {@code --compose} measures
	 * the docker compose stack instead of the embedded one
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		QuietLogging.apply();
		List<String> arguments = new ArrayList<>(List.of(args));
		boolean jfr = arguments.remove("--jfr");
		boolean compose = arguments.remove("--compose");
		if (jfr && compose) {
			exit("--jfr is not supported with --compose (the services run in containers)");
		}
		int seconds = (!arguments.isEmpty()) ? Integer.parseInt(arguments.get(0)) : 30;
		List<Integer> rates = new ArrayList<>();
		for (int i = 1; i < arguments.size(); i++) {
			rates.add(Integer.parseInt(arguments.get(i)));
		}
		if (rates.isEmpty()) {
			rates = List.of(1000, 5000);
		}
		ComplaintTexts texts = ComplaintTexts.load();
		try (BenchTarget stack = compose ? startCompose() : EmbeddedTarget.start(jfr)) {
			System.out.printf("Pipeline benchmark on %d cores against %s%n", Runtime.getRuntime().availableProcessors(),
					stack.description());
			PipelineBenchmark benchmark = new PipelineBenchmark(stack, texts);
			// The mean complaint text plus the event's envelope and 5W1H fields.
			int payloadBytes = texts.meanBytes() + 400;
			double ceiling = KafkaCeiling.measure(stack.bootstrapServers(), 300_000, payloadBytes,
					stack.logs().resolve("kafka-ceiling.log"));
			System.out.printf("Kafka ceiling (ProducerPerformance, acks=all, %d-byte records): %.0f records/s%n",
					payloadBytes, ceiling);
			benchmark.warmUp();
			for (int rate : rates) {
				benchmark.phase("fixed " + rate + "/s", Duration.ofSeconds(seconds), rate, ceiling);
			}
			benchmark.phase("saturation", Duration.ofSeconds(seconds), 0, ceiling);
		}
	}

	/**
	 * The compose stack; what keeps it from being used (no docker, no .env, no
	 * credentials) ends the run with its message rather than a stack trace.
	 */
	private static BenchTarget startCompose() throws IOException {
		try {
			return ComposeTarget.start(Path.of("").toAbsolutePath(), System.getenv());
		}
		catch (IllegalStateException ex) {
			exit(ex.getMessage());
			throw ex;
		}
	}

	private static void exit(String message) {
		System.err.println("bench/pipeline.sh: " + message);
		System.exit(2);
	}

	private void warmUp() throws InterruptedException {
		System.out.println("Warming up (10 s at 100/s)...");
		run(Duration.ofSeconds(10), 100, new PhaseResult("warm-up"));
		EndToEndProbe.awaitNoLag(this.stack, Duration.ofMinutes(5));
	}

	private void phase(String name, Duration duration, int rate, double ceiling) throws Exception {
		EndToEndProbe.awaitNoLag(this.stack, Duration.ofMinutes(5));
		PhaseResult result = new PhaseResult(name);
		Map<String, ProcessUsage> before = usage();
		Map<String, Long> commandsBefore = mongoCommands();
		long started = System.nanoTime();
		try (EndToEndProbe probe = new EndToEndProbe(this.stack, result)) {
			run(duration, rate, result);
			long sendMillis = (System.nanoTime() - started) / 1_000_000;
			probe.awaitDrained(Duration.ofMinutes(3));
			EndToEndProbe.awaitNoLag(this.stack, Duration.ofMinutes(3));
			long wallMillis = (System.nanoTime() - started) / 1_000_000;
			Map<String, ProcessUsage> after = usage();
			double acceptedPerSecond = result.accepted.get() * 1000.0 / sendMillis;
			System.out.printf(
					"%n== %s: %d accepted in %.1f s = %.0f complaints/s (%.1f%% of the Kafka ceiling); "
							+ "%d not accepted%n",
					name, result.accepted.get(), sendMillis / 1000.0, acceptedPerSecond,
					100 * acceptedPerSecond / ceiling, result.failed.get());
			System.out.println("   HTTP 202 latency:            " + result.http);
			System.out.println("   202 -> case opened:          " + result.toCase);
			System.out.println("   202 -> counted in analytics: " + result.toAnalytics);
			System.out.println("   consumer lag (max per group, sampled): " + probe.lagSummary());
			System.out.printf("   all caught up %.1f s after the last request%n", (wallMillis - sendMillis) / 1000.0);
			System.out.printf(
					"   end to end: %.0f complaints/s (accepted / %.1f s from the first request until every "
							+ "consumer group had counted the last)%n",
					result.accepted.get() * 1000.0 / wallMillis, wallMillis / 1000.0);
			after.forEach((process, usage) -> System.out.printf("   %-10s %s%n", process,
					usage.describeSince(before.get(process), wallMillis)));
			costPerComplaint(result.accepted.get(), before, after, commandsBefore, mongoCommands());
		}
	}

	/**
	 * Sends for the duration: at a fixed rate (open loop), or as fast as 128 in flight
	 * allow when rate is 0.
	 */
	private void run(Duration duration, int rate, PhaseResult result) throws InterruptedException {
		Semaphore inFlight = new Semaphore(rate == 0 ? 128 : 2048);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		long sent = 0;
		ProgressBar progress = new ProgressBar(result.name, duration);
		while (System.nanoTime() < end) {
			if (rate > 0) {
				long due = start + (long) (sent * 1e9 / rate);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
			}
			inFlight.acquire();
			sent++;
			this.client.post(this.payloads.request(this.sequence.getAndIncrement())).whenComplete((answer, failure) -> {
				inFlight.release();
				if (answer != null && answer.accepted()) {
					result.accepted(answer);
				}
				else {
					result.failed.incrementAndGet();
				}
			});
			progress.show(System.nanoTime() - start, result.accepted.get());
		}
		inFlight.acquire(rate == 0 ? 128 : 2048);
		progress.done(result.accepted.get());
	}

	/**
	 * CPU milliseconds per accepted complaint for each process, the four services
	 * together and the stand-in database apart, and the MongoDB commands each service
	 * sent per accepted complaint (its driver's command listener), over the phase and its
	 * drain.
	 */
	private void costPerComplaint(long accepted, Map<String, ProcessUsage> before, Map<String, ProcessUsage> after,
			Map<String, Long> commandsBefore, Map<String, Long> commandsAfter) {
		if (accepted == 0) {
			return;
		}
		StringBuilder cpu = new StringBuilder();
		long servicesMillis = 0;
		for (Map.Entry<String, ProcessUsage> process : after.entrySet()) {
			long millis = process.getValue().cpuMillisSince(before.get(process.getKey()));
			cpu.append(String.format(" %s %s", process.getKey(), perComplaint(millis, accepted)));
			if (commandsAfter.containsKey(process.getKey())) {
				servicesMillis = (millis < 0 || servicesMillis < 0) ? -1 : servicesMillis + millis;
			}
		}
		System.out.printf("   CPU ms per accepted complaint: services together %s;%s%n",
				perComplaint(servicesMillis, accepted), cpu);
		StringBuilder commands = new StringBuilder();
		long total = 0;
		for (Map.Entry<String, Long> service : commandsAfter.entrySet()) {
			long before2 = commandsBefore.getOrDefault(service.getKey(), -1L);
			if (service.getValue() < 0 || before2 < 0) {
				commands.append(String.format(" %s n/a", service.getKey()));
				continue;
			}
			long sent = service.getValue() - before2;
			total += sent;
			commands.append(String.format(" %s %.2f", service.getKey(), (double) sent / accepted));
		}
		System.out.printf(
				"   MongoDB commands per accepted complaint (driver command listener): all services %.2f;%s%n",
				(double) total / accepted, commands);
	}

	private static String perComplaint(long amount, long accepted) {
		return (amount < 0) ? "n/a" : String.format("%.2f", (double) amount / accepted);
	}

	private Map<String, Long> mongoCommands() {
		Map<String, Long> commands = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			commands.put(service.serviceName(),
					ServiceMetrics.mongoCommands(this.stack.url(service), this.stack.credentials().scrapePassword()));
		}
		return commands;
	}

	private Map<String, ProcessUsage> usage() {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>(this.stack.usage());
		usage.put("load+probe", ProcessUsage.of(ProcessHandle.current().pid()));
		return usage;
	}

	/** What one phase measured. */
	static final class PhaseResult {

		final String name;

		final AtomicLong accepted = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final Percentiles http = new Percentiles();

		final Percentiles toCase = new Percentiles();

		final Percentiles toAnalytics = new Percentiles();

		/** complaint id -> when its 202 arrived (epoch ms). */
		final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

		PhaseResult(String name) {
			this.name = name;
		}

		void accepted(IntakeClient.Answer answer) {
			this.accepted.incrementAndGet();
			this.http.add(answer.latencyNanos() / 1_000_000);
			this.acceptedAt.put(answer.complaintId(), System.currentTimeMillis());
		}

	}

}
