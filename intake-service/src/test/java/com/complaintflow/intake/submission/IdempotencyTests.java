package com.complaintflow.intake.submission;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Topics;
import com.complaintflow.intake.IntakeHttp;
import com.complaintflow.intake.IntakeIntegrationTest;
import com.complaintflow.intake.SampleComplaints;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Idempotency-Key, one complaint, one published event: across retries, concurrent
 * twins, a crash between the MongoDB write and the Kafka send, and expiry.
 */
class IdempotencyTests extends IntakeIntegrationTest {

	/** The trace of the request that crashed: the relay publishes in it. */
	private static final String CRASHED_TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static KafkaTestConsumer received;

	@Autowired
	IdempotencyStore store;

	@Autowired
	ComplaintRequestReader reader;

	@Autowired
	IdempotencyHousekeeping housekeeping;

	@Autowired
	SubmissionService service;

	@Autowired
	SubmissionSettings settings;

	@Autowired
	TaskScheduler sharedScheduler;

	@BeforeAll
	static void subscribe() {
		received = new KafkaTestConsumer(Topics.RECEIVED);
	}

	@AfterAll
	static void close() {
		received.close();
	}

	@Test
	void retryWithTheSameKeyAndBodyReturnsTheSameComplaintAndPublishesOnce() {
		String key = UUID.randomUUID().toString();
		String body = SampleComplaints.broadband("C-3001");

		HttpResponse<String> first = http().submit(IntakeHttp.HOTLINE_KEY, key, body);
		HttpResponse<String> second = http().submit(IntakeHttp.HOTLINE_KEY, key, body);

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(202);
		String complaintId = complaintId(first);
		assertThat(complaintId(second)).isEqualTo(complaintId);
		assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertExactlyOneRecord(complaintId);
	}

	@Test
	void sameKeyWithADifferentBodyIsRejectedWith422() {
		String key = UUID.randomUUID().toString();
		http().submit(IntakeHttp.HOTLINE_KEY, key, SampleComplaints.broadband("C-3002"));

		HttpResponse<String> reused = http().submit(IntakeHttp.HOTLINE_KEY, key,
				SampleComplaints.minimal("C-3002", "Something else entirely"));

		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(IntakeHttp.json(reused.body()).path("title").asString()).isEqualTo("Idempotency-Key reused");
	}

	@Test
	void concurrentRequestsWithOneKeyProduceOneComplaint() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = SampleComplaints.broadband("C-3003");
		int twins = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(twins);
		try {
			List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
			for (int i = 0; i < twins; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					awaitLatch(start);
					return http().submit(IntakeHttp.APP_KEY, key, body);
				}, pool));
			}
			start.countDown();
			List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

			assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(202));
			Set<String> ids = responses.stream().map(IdempotencyTests::complaintId).collect(Collectors.toSet());
			assertThat(ids).hasSize(1);
			assertExactlyOneRecord(ids.iterator().next());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theSameKeyFromAnotherChannelIsAnotherComplaint() {
		String key = UUID.randomUUID().toString();
		String body = SampleComplaints.broadband("C-3004");

		String hotline = complaintId(http().submit(IntakeHttp.HOTLINE_KEY, key, body));
		String store = complaintId(http().submit(IntakeHttp.STORE_KEY, key, body));

		assertThat(hotline).isNotEqualTo(store);
	}

	@Test
	void recordLeftPendingByACrashIsRelayedWithItsOriginalEvent() {
		String key = UUID.randomUUID().toString();
		ComplaintReceived event = crashedBeforeSend(SampleComplaints.minimal("C-3005", "Left pending by a crash"), key);

		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.store.find(Channel.HOTLINE.name() + ":" + key).orElseThrow().state(),
					(state) -> state == IdempotencyRecord.State.SENT);

		ConsumerRecord<String, byte[]> record = assertExactlyOneRecord(event.complaintId());
		assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo(event.eventId().toString());
		assertThat(ComplaintTrace.traceId(ComplaintTrace.traceparent(record))).as("the crashed request's trace")
			.isEqualTo(ComplaintTrace.traceId(CRASHED_TRACE));
	}

	@Test
	void aRecordKafkaHasKeepsNoWordsAndARetryKeepsItsKeyForAWholeRetention() {
		String key = UUID.randomUUID().toString();
		String id = Channel.HOTLINE.name() + ":" + key;
		String body = SampleComplaints.minimal("C-3008", "Words that must not stay in the idempotency record");
		crashedBeforeSend(body, key);
		Instant expiredAtFirst = this.store.find(id).orElseThrow().expiresAt();

		HttpResponse<String> retry = http().submit(IntakeHttp.HOTLINE_KEY, key, body);

		assertThat(retry.statusCode()).isEqualTo(202);
		IdempotencyRecord sent = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.store.find(id).orElseThrow(), (record) -> record.state() == IdempotencyRecord.State.SENT);
		assertThat(sent.eventJson()).as("the customer's name, phone and words").isNull();
		assertThat(sent.complaintId()).isEqualTo(complaintId(retry));
		assertThat(sent.expiresAt()).isAfter(expiredAtFirst);
	}

	@Test
	void oneRelayRunRelaysMoreThanOneBatch() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			String key = UUID.randomUUID().toString();
			crashedBeforeSend(SampleComplaints.minimal("C-3009", "Left pending " + i), key);
			ids.add(Channel.HOTLINE.name() + ":" + key);
		}

		this.housekeeping.relayStale();

		// when the run returns, it (or the scheduled run beside it) has claimed every
		// one: none is still waiting for a later run
		Instant staleBefore = EventMetadata.now().minus(Duration.ofSeconds(5));
		assertThat(this.store.stalePending(staleBefore, 1000)).extracting(IdempotencyRecord::id)
			.doesNotContainAnyElementsOf(ids);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream()
				.allMatch((id) -> this.store.find(id).orElseThrow().state() == IdempotencyRecord.State.SENT));
	}

	@Test
	void sentMarksAreWrittenWhileALongRelayRunHoldsTheSharedScheduler() throws InterruptedException {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// a long relay run (after a crash under load) holds the shared scheduler's thread
		this.sharedScheduler.schedule(() -> {
			running.countDown();
			awaitLatch(release);
		}, Instant.now());
		try {
			assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
			String key = UUID.randomUUID().toString();

			HttpResponse<String> response = http().submit(IntakeHttp.HOTLINE_KEY, key,
					SampleComplaints.minimal("C-3010", "Answered while the relay runs"));

			assertThat(response.statusCode()).isEqualTo(202);
			// the shared scheduler stays held until the end: a mark that needed it would
			// never come, so a bound that holds on a loaded machine proves as much
			await().atMost(Duration.ofSeconds(15))
				.until(() -> this.store.find(Channel.HOTLINE.name() + ":" + key).orElseThrow().state(),
						(state) -> state == IdempotencyRecord.State.SENT);
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void theRelayLeavesARecordWhoseSentMarkIsQueued() {
		String key = UUID.randomUUID().toString();
		String id = Channel.HOTLINE.name() + ":" + key;
		ComplaintRequest request = this.reader
			.read(SampleComplaints.minimal("C-3011", "Published, its mark not written yet")
				.getBytes(StandardCharsets.UTF_8));
		Instant attempt = EventMetadata.now().minus(Duration.ofSeconds(1)).truncatedTo(ChronoUnit.MILLIS);
		this.store.tryInsert(IdempotencyRecord.pending(id, SubmissionService.hash(request),
				ComplaintFactory.create(Channel.HOTLINE, request), attempt, attempt.plus(Duration.ofDays(1)), null));
		// Kafka acknowledged it and its mark is queued, not written yet; this relay finds
		// it stale after 500 ms (the scheduled relay, after 5 s)
		SentMarks unwritten = new SentMarks(this.store, this.settings);
		unwritten.queue(id);
		SubmissionSettings staleSooner = new SubmissionSettings(this.settings.maxBodySize(),
				this.settings.idempotencyRetention(), Duration.ofMillis(500), this.settings.retryAfter(),
				this.settings.relayInterval(), this.settings.cleanupInterval(), this.settings.sentMarkInterval());

		new IdempotencyHousekeeping(this.store, this.service, staleSooner, unwritten).relayStale();

		IdempotencyRecord left = this.store.find(id).orElseThrow();
		assertThat(left.state()).isEqualTo(IdempotencyRecord.State.PENDING);
		assertThat(left.attemptAt()).as("not claimed").isEqualTo(attempt);
	}

	@Test
	void retryAfterACrashReturnsTheComplaintCreatedBeforeTheCrash() {
		String key = UUID.randomUUID().toString();
		String body = SampleComplaints.minimal("C-3006", "Retried after a crash");
		ComplaintReceived event = crashedBeforeSend(body, key);

		HttpResponse<String> retry = http().submit(IntakeHttp.HOTLINE_KEY, key, body);

		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(complaintId(retry)).isEqualTo(event.complaintId());
		ConsumerRecord<String, byte[]> record = assertExactlyOneRecord(event.complaintId());
		assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo(event.eventId().toString());
	}

	@Test
	void expiredKeysAreDeletedAndCanBeUsedAgain() {
		String key = UUID.randomUUID().toString();
		String id = Channel.STORE.name() + ":" + key;
		ComplaintReceived old = ComplaintFactory.create(Channel.STORE,
				this.reader.read(SampleComplaints.minimal("C-3007", "Old").getBytes(StandardCharsets.UTF_8)));
		Instant longAgo = EventMetadata.now().minus(Duration.ofDays(2));
		this.store.tryInsert(new IdempotencyRecord(id, "old-hash", old.complaintId(), IdempotencyRecord.State.SENT,
				IdempotencyRecord.pending(id, "old-hash", old, longAgo, longAgo, null).eventJson(), longAgo,
				longAgo.plus(Duration.ofDays(1)), null));

		HttpResponse<String> reused = http().submit(IntakeHttp.STORE_KEY, key,
				SampleComplaints.minimal("C-3007", "New"));
		assertThat(reused.statusCode()).isEqualTo(202);
		assertThat(complaintId(reused)).isNotEqualTo(old.complaintId());

		String otherId = Channel.STORE.name() + ":" + UUID.randomUUID();
		this.store
			.tryInsert(IdempotencyRecord.pending(otherId, "h", old, longAgo, longAgo.plus(Duration.ofDays(1)), null));
		this.housekeeping.deleteExpired();
		assertThat(this.store.find(otherId)).isEmpty();
		assertThat(this.store.find(id)).isPresent();
	}

	/**
	 * What a request leaves behind when the process dies after the insert, before Kafka.
	 */
	private ComplaintReceived crashedBeforeSend(String body, String key) {
		ComplaintRequest request = this.reader.read(body.getBytes(StandardCharsets.UTF_8));
		ComplaintReceived event = ComplaintFactory.create(Channel.HOTLINE, request);
		Instant before = EventMetadata.now().minus(Duration.ofMinutes(1));
		this.store.tryInsert(IdempotencyRecord.pending(Channel.HOTLINE.name() + ":" + key,
				SubmissionService.hash(request), event, before, before.plus(Duration.ofDays(1)), CRASHED_TRACE));
		return event;
	}

	private static ConsumerRecord<String, byte[]> assertExactlyOneRecord(String complaintId) {
		ReceivedRecords.awaitFirst(received, complaintId);
		return await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> ReceivedRecords.of(received.poll(), complaintId), (records) -> records.size() == 1)
			.get(0);
	}

	private static String complaintId(HttpResponse<String> response) {
		return IntakeHttp.json(response.body()).path("complaintId").asString();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
