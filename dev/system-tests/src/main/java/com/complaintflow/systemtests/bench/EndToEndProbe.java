package com.complaintflow.systemtests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.localstack.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the pipeline during a benchmark phase: when each accepted complaint's case is
 * opened (from complaints.cases), when analytics has counted it (its summary, polled),
 * and the consumer groups' lag.
 */
final class EndToEndProbe implements AutoCloseable {

	private static final Pattern RECEIVED = Pattern.compile("\"received\"\\s*:\\s*(\\d+)");

	private static final List<String> GROUPS = List.of("triage", "followup", "analytics", "intake");

	private final BenchTarget stack;

	private final PipelineBenchmark.PhaseResult result;

	private final Set<String> opened = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Map<String, Long> maxLag = new ConcurrentHashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private final java.util.concurrent.CountDownLatch casesReady = new java.util.concurrent.CountDownLatch(1);

	private final long analyticsBaseline;

	private volatile long analyticsCounted;

	EndToEndProbe(BenchTarget stack, PipelineBenchmark.PhaseResult result) {
		this.stack = stack;
		this.result = result;
		this.analyticsBaseline = analyticsReceived();
		start("cases-probe", this::watchCases);
		start("analytics-probe", this::watchAnalytics);
		start("lag-probe", this::watchLag);
		try {
			this.casesReady.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void start(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
		this.threads.add(thread);
	}

	/**
	 * Reads complaints.cases from its current end, assigned directly so no case opened
	 * after the start is missed.
	 */
	private void watchCases() {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASES)
				.stream()
				.map((info) -> new TopicPartition(Topics.CASES, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			this.casesReady.countDown();
			while (this.running.get()) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
					Header subject = record.headers().lastHeader(CloudEventHeaders.SUBJECT);
					if (type != null && subject != null
							&& "case-opened".equals(new String(type.value(), StandardCharsets.UTF_8))) {
						String complaintId = new String(subject.value(), StandardCharsets.UTF_8);
						Long acceptedAt = this.result.acceptedAt.get(complaintId);
						if (acceptedAt != null && this.opened.add(complaintId)) {
							this.result.toCase.add(Math.max(0, record.timestamp() - acceptedAt));
						}
					}
				}
			}
		}
	}

	/**
	 * Analytics counts in partition order, not in global order: the k-th complaint
	 * accepted is taken as counted when the summary first shows k complaints (an
	 * approximation that is exact on average).
	 */
	private void watchAnalytics() {
		List<Long> counted = new ArrayList<>();
		while (this.running.get()) {
			long now = System.currentTimeMillis();
			this.analyticsCounted = analyticsReceived() - this.analyticsBaseline;
			List<Long> acceptedTimes = this.result.acceptedAt.values().stream().sorted().toList();
			while (counted.size() < Math.min(this.analyticsCounted, acceptedTimes.size())) {
				long latency = now - acceptedTimes.get(counted.size());
				counted.add(latency);
				this.result.toAnalytics.add(Math.max(0, latency));
			}
			pause(200);
		}
	}

	private void watchLag() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.bootstrapServers()))) {
			while (this.running.get()) {
				try {
					for (String group : GROUPS) {
						this.maxLag.merge(group, ConsumerLag.of(admin, group), Math::max);
					}
				}
				catch (Exception ex) {
					// a sample missed; the next one counts
				}
				pause(2000);
			}
		}
	}

	/**
	 * Waits until no consumer group has anything left to process, so that one phase does
	 * not bleed into the next.
	 */
	static void awaitNoLag(BenchTarget stack, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
			while (System.nanoTime() < deadline) {
				long total = 0;
				for (String group : GROUPS) {
					total += ConsumerLag.of(admin, group);
				}
				if (total == 0) {
					return;
				}
				pause(250);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read consumer lag", ex);
		}
	}

	/**
	 * Waits until every accepted complaint has an open case and is counted in analytics.
	 */
	void awaitDrained(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && (this.opened.size() < this.result.accepted.get()
				|| this.analyticsCounted < this.result.accepted.get())) {
			pause(200);
		}
		pause(400);
	}

	String lagSummary() {
		return new TreeMap<>(this.maxLag).toString();
	}

	private long analyticsReceived() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.stack.url(Service.ANALYTICS) + "/api/v1/analytics/summary"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("ops:" + this.stack.credentials().opsPassword()).getBytes(StandardCharsets.UTF_8)))
			.build();
		try {
			String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = RECEIVED.matcher(body);
			return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
		}
		catch (java.io.IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.running.set(false);
		for (Thread thread : this.threads) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
