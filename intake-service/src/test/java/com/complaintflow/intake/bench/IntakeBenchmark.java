package com.complaintflow.intake.bench;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import ch.qos.logback.classic.Logger;
import com.complaintflow.intake.IntakeApplication;
import com.complaintflow.wireserver.WireServerBackends;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Intake's benchmark against the embedded stack: a real KRaft broker and the MongoDB wire
 * server in this JVM, the service on a real port, load over real HTTP with realistic
 * bodies and an Idempotency-Key on every request. Prints accepted complaints per second
 * at saturation and p50/p99 latency at fixed rates (measured from the intended send time,
 * so a stalled server cannot hide its backlog). Run with {@code bench/intake.sh}.
 */
public final class IntakeBenchmark {

	private static final String API_KEY = "hotline-dev-key";

	private static final int CONNECTIONS_AT_FIXED_RATE = 256;

	private IntakeBenchmark() {
	}

	public static void main(String[] args) {
		try {
			run();
			System.exit(0);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	private static void run() throws Exception {
		Path data = Path.of(System.getProperty("bench.data", "../shared/data"));
		int seconds = Integer.getInteger("bench.seconds", 15);
		int concurrency = Integer.getInteger("bench.concurrency", 64);
		List<Integer> rates = List.of(System.getProperty("bench.rates", "1000,5000").split(","))
			.stream()
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);

		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
		broker.afterPropertiesSet();
		MongoServer mongo = new MongoServer(WireServerBackends.inMemory());
		InetSocketAddress mongoAddress = mongo.bind();
		// Command-line arguments, not builder properties: those rank below every config
		// file.
		ConfigurableApplicationContext app = new SpringApplicationBuilder(IntakeApplication.class).profiles("local")
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"--spring.mongodb.uri=mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort(),
					"--logging.level.root=WARN");
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		List<byte[]> bodies = RealisticPayloads.load(data, 5000);
		System.out.printf("intake benchmark: %d realistic bodies (avg %d bytes), %d cores, Java %s%n", bodies.size(),
				bodies.stream().mapToInt((b) -> b.length).sum() / bodies.size(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

		try {
			saturate(port, bodies, concurrency, Integer.getInteger("bench.warmup", 20));
			System.out.println("(warm-up done)");
			Recording recording = startRecording();
			long cpu = processCpuNanos();
			LoadResult saturation = saturate(port, bodies, concurrency, seconds);
			stopRecording(recording);
			System.out.println(saturation.summary("saturation c=" + concurrency, seconds));
			double cpuPerComplaint = (processCpuNanos() - cpu) / 1e6 / Math.max(1, saturation.accepted());
			System.out.printf(
					"CPU per accepted complaint (whole JVM: service, broker, MongoDB, client): %.2f ms;"
							+ " ceiling on %d idle cores about %.0f/s%n",
					cpuPerComplaint, Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors() * 1000 / cpuPerComplaint);
			for (int rate : rates) {
				System.out.println(fixedRate(port, bodies, rate, seconds).summary("fixed " + rate + "/s", seconds));
			}
		}
		finally {
			app.close();
			mongo.shutdownNow();
			broker.destroy();
		}
	}

	/**
	 * Closed loop: {@code concurrency} connections, each posting as fast as answers come.
	 */
	private static LoadResult saturate(int port, List<byte[]> bodies, int concurrency, int seconds)
			throws InterruptedException {
		LoadResult result = new LoadResult(4_000_000);
		AtomicInteger next = new AtomicInteger();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < concurrency; i++) {
			workers.add(start(() -> {
				try (KeepAliveClient client = new KeepAliveClient("localhost", port, API_KEY)) {
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						int status = client.post(bodies.get(next.getAndIncrement() % bodies.size()));
						result.record(System.nanoTime() - start, status == 202);
					}
				}
			}));
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return result;
	}

	/**
	 * Open loop at a fixed rate: a pacer queues each request at its due time, a pool of
	 * connections sends them; latency counts from the due time, so a backlog shows.
	 */
	private static LoadResult fixedRate(int port, List<byte[]> bodies, int rate, int seconds)
			throws InterruptedException {
		int total = rate * seconds;
		LoadResult result = new LoadResult(total);
		BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS_AT_FIXED_RATE; i++) {
			workers.add(start(() -> {
				try (KeepAliveClient client = new KeepAliveClient("localhost", port, API_KEY)) {
					for (long[] task = take(due); task.length == 2; task = take(due)) {
						int status = client.post(bodies.get((int) task[1] % bodies.size()));
						result.record(System.nanoTime() - task[0], status == 202);
					}
				}
			}));
		}
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long at = start + i * period;
			long wait = at - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			due.add(new long[] { at, i });
		}
		for (int i = 0; i < workers.size(); i++) {
			due.add(new long[0]);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		return result;
	}

	private static long[] take(BlockingQueue<long[]> queue) {
		try {
			return queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new long[0];
		}
	}

	/**
	 * With -Dbench.jfr=file, a JFR profile of the saturation phase only (no start-up, no
	 * warm-up).
	 */
	private static Recording startRecording() throws java.text.ParseException, java.io.IOException {
		String file = System.getProperty("bench.jfr");
		if (file == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.setDestination(Path.of(file));
		recording.start();
		return recording;
	}

	private static void stopRecording(Recording recording) {
		if (recording != null) {
			recording.stop();
			recording.close();
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static Thread start(Runnable work) {
		Thread thread = new Thread(work, "load");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
