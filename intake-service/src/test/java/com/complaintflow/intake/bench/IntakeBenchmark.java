package com.complaintflow.intake.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.complaintflow.intake.IntakeApplication;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
		MongoServer mongo = new MongoServer(new MemoryBackend());
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

		ExecutorService clientThreads = Executors.newFixedThreadPool(2);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(clientThreads)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		URI uri = URI.create("http://localhost:" + port + "/api/v1/complaints");
		try {
			saturate(client, uri, bodies, concurrency, 10);
			System.out.println("(warm-up done)");
			System.out.println(saturate(client, uri, bodies, concurrency, seconds)
				.summary("saturation c=" + concurrency, seconds));
			for (int rate : rates) {
				System.out
					.println(fixedRate(client, uri, bodies, rate, seconds).summary("fixed " + rate + "/s", seconds));
			}
		}
		finally {
			clientThreads.shutdownNow();
			app.close();
			mongo.shutdownNow();
			broker.destroy();
		}
	}

	/** Closed loop: {@code concurrency} requests always in flight. */
	private static LoadResult saturate(HttpClient client, URI uri, List<byte[]> bodies, int concurrency, int seconds)
			throws InterruptedException {
		LoadResult result = new LoadResult(2_000_000);
		Semaphore inFlight = new Semaphore(concurrency);
		AtomicInteger next = new AtomicInteger();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < end) {
			if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
				continue;
			}
			long start = System.nanoTime();
			client
				.sendAsync(request(uri, bodies.get(next.getAndIncrement() % bodies.size())),
						HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					result.record(System.nanoTime() - start, error == null && response.statusCode() == 202);
					inFlight.release();
				});
		}
		inFlight.acquire(concurrency);
		return result;
	}

	/** Open loop at a fixed rate; latency counts from when each request was due. */
	private static LoadResult fixedRate(HttpClient client, URI uri, List<byte[]> bodies, int rate, int seconds)
			throws InterruptedException {
		int total = rate * seconds;
		LoadResult result = new LoadResult(total);
		Semaphore inFlight = new Semaphore(4000);
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long due = start + i * period;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			inFlight.acquire();
			client.sendAsync(request(uri, bodies.get(i % bodies.size())), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					result.record(System.nanoTime() - due, error == null && response.statusCode() == 202);
					inFlight.release();
				});
		}
		inFlight.acquire(4000);
		return result;
	}

	private static HttpRequest request(URI uri, byte[] body) {
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", API_KEY)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

}
