package com.complaintflow.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.complaintflow.analytics.rollup.BucketKey;
import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.Grain;
import com.complaintflow.analytics.rollup.View;
import com.complaintflow.events.CaseWorkKind;
import com.complaintflow.events.CaseWorked;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.MilestoneActual;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventKafkaConfiguration;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.test.KafkaTestConsumer;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The analytics service against the real broker and the Mongo wire server: events
 * published to the topics show up, exactly once, in the summary over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "complaintflow.analytics.metrics-interval=500ms")
@ActiveProfiles("local")
@DirtiesContext
class AnalyticsApiTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		AnalyticsTestProperties.register(registry, "analytics-api");
		registry.add("complaintflow.analytics.lag-groups", () -> "${spring.kafka.streams.application-id}.sink");
	}

	@Value("${spring.kafka.streams.application-id}")
	String applicationId;

	@Value("${spring.kafka.consumer.group-id}")
	String consumerGroup;

	@LocalServerPort
	int port;

	@Autowired
	EventPublisher publisher;

	@Autowired
	KafkaTemplate<Object, Object> template;

	@Autowired
	MeterRegistry registry;

	@Autowired
	MongoTemplate mongo;

	private static final java.util.concurrent.atomic.AtomicInteger NEXT_RANGE = new java.util.concurrent.atomic.AtomicInteger();

	AnalyticsClient ops;

	Instant hour;

	@BeforeEach
	void setUp() {
		this.ops = new AnalyticsClient(this.port, "ops", "ops-dev");
		// a range of its own for every test (a random hour collided about one run in
		// seventy)
		this.hour = Instant.parse("2031-01-01T00:00:00Z").plus(3L * NEXT_RANGE.getAndIncrement(), ChronoUnit.HOURS);
	}

	@Test
	void theDeadLettersGroupIsTheApplicationsSoTheyAreReDrivenUnderAnyApplicationId() {
		// StreamsDeadLetters names the application id as a dead letter's group; the
		// re-drive endpoint takes back the dead letters of spring.kafka.consumer.group-id
		assertThat(this.consumerGroup).isEqualTo(this.applicationId).isNotEqualTo("analytics");
	}

	@Test
	void summaryCountsEachStageByChannelAndCategoryOnceEvenWhenEventsAreRedelivered() {
		TestEvents network = events("n", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		TestEvents billing = events("b", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		TestEvents fresh = events("f", Channel.STORE, Category.DEVICE, Playbook.DEVICE_FAULT);
		List<ComplaintEvent> all = List.of(network.received(), network.triaged(Nature.VALID, 0), network.opened(),
				billing.received(), billing.triaged(Nature.INQUIRY, 2), fresh.received());

		all.forEach(this.publisher::publishAndWait);
		all.forEach(this.publisher::publishAndWait);

		// Every figure at once: a complaint that moves to other dimensions (a category
		// once triaged) leaves its old bucket and joins the new one in two records that
		// reach the store apart, so for a moment the totals can read right with one
		// complaint counted twice and another not yet counted.
		String range = range();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range);
			assertThat(summary.at("/totals/received").asLong()).isEqualTo(3);
			assertThat(summary.at("/totals/triaged").asLong()).isEqualTo(2);
			assertThat(summary.at("/totals/opened").asLong()).isEqualTo(1);
			assertThat(summary.at("/byChannel/HOTLINE/opened").asLong()).isEqualTo(1);
			assertThat(summary.at("/byChannel/APP/triaged").asLong()).isEqualTo(1);
			assertThat(summary.at("/byChannel/STORE/received").asLong()).isEqualTo(1);
			assertThat(summary.at("/byCategory/NETWORK/received").asLong()).isEqualTo(1);
			assertThat(summary.at("/byCategory/BILLING/triaged").asLong()).isEqualTo(1);
			assertThat(summary.at("/byCategory/UNKNOWN/received").asLong()).isEqualTo(1);
			assertThat(summary.at("/totals/repeat").asLong()).isEqualTo(1);
			assertThat(summary.at("/totals/communicative").asLong()).isEqualTo(1);
		});
	}

	@Test
	void fullLifecycleFeedsSlaRetentionSatisfactionCompensationAndTimes() {
		TestEvents kept = events("k", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		TestEvents lost = events("l", Channel.STORE, Category.BILLING, Playbook.BILLING_ERROR);
		List<ComplaintEvent> all = new ArrayList<>(kept.happyLife(Outcome.RETAINED, 5));
		all.addAll(List.of(lost.received(), lost.triaged(Nature.INQUIRY, 0), lost.opened(),
				lost.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30)),
				lost.escalated(Duration.ofMinutes(35)), lost.closed(Duration.ofMinutes(50), Outcome.CHURNED,
						List.of(lost.breachedUnmet(MilestoneKind.FIRST_RESPONSE, 30)))));
		Collections.reverse(all);

		all.forEach(this.publisher::publishAndWait);

		// Every figure at once: the events arrive in reverse order, so partial rollups
		// come first.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range());
			assertThat(summary.at("/totals/resolved").asLong()).isEqualTo(1);
			assertThat(summary.at("/totals/escalated").asLong()).isEqualTo(1);
			assertThat(summary.at("/totals/communicativeEscalated").asLong()).isEqualTo(1);
			assertThat(summary.at("/sla/FIRST_RESPONSE/met").asLong()).isEqualTo(1);
			assertThat(summary.at("/sla/FIRST_RESPONSE/breached").asLong()).isEqualTo(1);
			assertThat(summary.at("/sla/PROMISED_ANSWER/met").asLong()).isEqualTo(1);
			assertThat(summary.at("/sla/CALLBACK/met").asLong()).isEqualTo(1);
			assertThat(summary.at("/retention/retentionRate").asDouble()).isEqualTo(0.5);
			assertThat(summary.at("/satisfaction/average").asDouble()).isEqualTo(5.0);
			assertThat(summary.at("/compensation/acceptedValue").asDouble()).isEqualTo(30.0);
			assertThat(summary.at("/firstResponse/count").asLong()).isEqualTo(1);
			assertThat(summary.at("/firstResponse/p50Minutes").asDouble()).isBetween(9.0, 11.0);
			assertThat(summary.at("/resolution/p99Minutes").asDouble()).isBetween(36.0, 44.0);
			assertThat(summary.at("/totals/closed").asLong()).isEqualTo(2);
		});

		// each read model is materialised on its own: wait for every one, not only the
		// summary
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode retention = this.ops.json("/api/v1/analytics/retention" + range());
			assertThat(retention.findValues("playbook").stream().map(JsonNode::asString))
				.containsExactly("BILLING_ERROR", "NETWORK_FAULT");
			assertThat(retention.at("/0/retention/retentionRate").asDouble()).isEqualTo(0.0);
			assertThat(retention.at("/1/retention/retentionRate").asDouble()).isEqualTo(1.0);

			JsonNode sla = this.ops.json("/api/v1/analytics/sla" + range());
			assertThat(sla.at("/overall/met").asLong()).isEqualTo(3);
			assertThat(sla.at("/byCategory/BILLING/breached").asLong()).isEqualTo(1);

			JsonNode series = this.ops.json("/api/v1/analytics/timeseries" + range());
			assertThat(series.size()).isEqualTo(1);
			assertThat(series.at("/0/stages/received").asLong()).isEqualTo(2);
		});

		// timelines are materialised apart from the rollups
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode timeline = this.ops.json("/api/v1/analytics/complaints/" + kept.complaintId() + "/timeline");
			assertThat(timeline.at("/events").findValues("type").stream().map(JsonNode::asString)).containsExactly(
					"complaint-received", "complaint-triaged", "case-opened", "customer-contacted", "remedy-offered",
					"remedy-chosen", "case-resolved", "callback-completed", "case-closed");
			assertThat(timeline.toString()).doesNotContain("Test Person");
		});
	}

	@Test
	void correctionRatePerFieldAndPerPlaybookStandsNextToRetention() {
		TestEvents corrected = events("c", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		TestEvents right = events("r", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		TestEvents network = events("n", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		List<ComplaintEvent> all = List.of(corrected.received(), corrected.triaged(Nature.VALID, 0),
				corrected.corrected("playbook", "STANDARD_CARE", "model", Duration.ofMinutes(3), "STANDARD_CARE"),
				corrected.corrected("category", "PRODUCT", "rules", Duration.ofMinutes(4)), right.received(),
				right.triaged(Nature.VALID, 0),
				right.corrected("playbook", "PREVIOUS", "model", Duration.ofMinutes(5), "STANDARD_CARE"),
				network.received(), network.triaged(Nature.VALID, 0));

		all.forEach(this.publisher::publishAndWait);
		all.forEach(this.publisher::publishAndWait);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode retention = this.ops.json("/api/v1/analytics/retention" + range());
			assertThat(retention.at("/0/playbook").asString()).isEqualTo("BILLING_ERROR");
			assertThat(retention.at("/1/playbook").asString()).isEqualTo("NETWORK_FAULT");
			assertThat(retention.at("/0/corrections/triaged").asLong()).isEqualTo(2);
			assertThat(retention.at("/0/corrections/corrected").asLong()).isEqualTo(1);
			assertThat(retention.at("/0/corrections/rate").asDouble()).isEqualTo(0.5);
			assertThat(retention.at("/0/corrections/byField/playbook/rate").asDouble()).isEqualTo(0.5);
			assertThat(retention.at("/0/corrections/byField/playbook/checked").asLong())
				.as("one corrected, one confirmed")
				.isEqualTo(2);
			assertThat(retention.at("/0/corrections/byField/playbook/checkedWrongRate").asDouble()).isEqualTo(0.5);
			assertThat(retention.at("/0/corrections/byField/category/checkedWrongRate").asDouble()).isEqualTo(1.0);
			assertThat(retention.at("/0/corrections/byField/category/corrected").asLong()).isEqualTo(1);
			// the console suggested STANDARD_CARE at both playbook checks: one took it
			assertThat(retention.at("/0/corrections/byField/playbook/suggested").asLong()).isEqualTo(2);
			assertThat(retention.at("/0/corrections/byField/playbook/suggestionTaken").asLong()).isEqualTo(1);
			assertThat(retention.at("/0/corrections/byField/playbook/suggestionTakenRate").asDouble()).isEqualTo(0.5);
			assertThat(retention.at("/0/corrections/byField/category/suggested").asLong()).isZero();
			assertThat(retention.at("/0/corrections/byField/category/suggestionTakenRate").isNull()).isTrue();
			assertThat(retention.at("/0/corrections/bySource/model").asLong()).isEqualTo(1);
			assertThat(retention.at("/1/corrections/corrected").asLong()).isZero();
			assertThat(retention.at("/1/corrections/rate").asDouble()).isEqualTo(0.0);
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range());
			assertThat(summary.at("/corrections/triaged").asLong()).isEqualTo(3);
			assertThat(summary.at("/corrections/byField/playbook/corrected").asLong()).isEqualTo(1);
			assertThat(summary.at("/corrections/rate").asDouble()).isCloseTo(0.333, within(0.001));
		});
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode timeline = this.ops.json("/api/v1/analytics/complaints/" + corrected.complaintId() + "/timeline");
			assertThat(timeline.at("/events").findValues("type").stream().map(JsonNode::asString))
				.contains("decision-corrected");
		});
	}

	@Test
	void regionWhoseVolumeJumpsIsAHotspotWithItsGrowthFactor() {
		String region = "HS-" + this.hour.toEpochMilli();
		for (int i = 0; i < 6; i++) {
			TestEvents burst = new TestEvents("h" + i + "-" + this.hour.toEpochMilli(), this.hour.plusSeconds(60 + i),
					Channel.APP, Category.NETWORK, region, Playbook.NETWORK_FAULT);
			this.publisher.publishAndWait(burst.received());
			this.publisher.publishAndWait(burst.triaged(Nature.VALID, 0));
		}

		String at = this.hour.plus(1, ChronoUnit.HOURS).toString();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range() + "&region=" + region);
			assertThat(summary.at("/totals/received").asLong()).isEqualTo(6);
			assertThat(summary.at("/byCategory/NETWORK/triaged").asLong()).isEqualTo(6);
		});
		// every bucket the hotspots compare may land a flush apart
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode hotspots = this.ops.json("/api/v1/analytics/hotspots?at=" + at);
			JsonNode hotspot = hotspots.valueStream()
				.filter((candidate) -> region.equals(candidate.path("region").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(hotspot.path("growthFactor").asDouble()).isEqualTo(6.0);
			assertThat(hotspot.path("category").asString()).isEqualTo("NETWORK");
			assertThat(hotspot.path("to").asString()).isEqualTo(at);
			assertThat(hotspot.path("from").asString())
				.isEqualTo(Instant.parse(at).minus(Duration.ofHours(24)).toString());
		});
	}

	@Test
	void prometheusExportsCountsAndDeadLetterSizesWithBoundedLabels() {
		TestEvents one = new TestEvents("m-" + this.hour.toEpochMilli(), EventMetadata.now(), Channel.HOTLINE,
				Category.DEVICE, "BJ-CY", Playbook.DEVICE_FAULT);
		this.publisher.publishAndWait(one.received());
		AnalyticsClient prometheus = new AnalyticsClient(this.port, "prometheus", "prometheus-dev");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String metrics = prometheus.get("/actuator/prometheus").getBody();
			assertThat(metrics).contains("complaintflow_complaints{").contains("stage=\"received\"");
			assertThat(metrics).contains("complaintflow_dlt_records{").contains("topic=\"complaints.received.DLT\"");
			// a failed erasure or customer notice is a dead letter the alert must see too
			assertThat(metrics).contains("topic=\"complaints.erasures.DLT\"", "topic=\"complaints.notifications.DLT\"");
			assertThat(metrics).contains("complaintflow_analytics_events_ingested_total{");
			// the name the alert on stale gauges reads
			assertThat(metrics).contains("complaintflow_metrics_refresh_timestamp_seconds{", "part=\"lag\"");
		});
		String metrics = prometheus.get("/actuator/prometheus").getBody();
		assertThat(metrics).doesNotContain(one.complaintId()).doesNotContain("cust-");
	}

	@Test
	void aRejectedAmountIsCountedOnceWhenItsEventIsRedelivered() {
		TestEvents negative = events("x", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		ComplaintEvent offer = negative.offered(Duration.ofMinutes(15), "-5.00");
		double before = rejectedNegativeAmounts();

		this.publisher.publishAndWait(negative.received());
		this.publisher.publishAndWait(offer);
		this.publisher.publishAndWait(offer);
		// after both copies on the same partition: counted once both were handled
		this.publisher.publishAndWait(negative.resolved(Duration.ofMinutes(40)));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range());
			assertThat(summary.at("/totals/resolved").asLong()).isEqualTo(1);
			assertThat(summary.at("/compensation/offered").asLong()).isEqualTo(1);
		});
		assertThat(rejectedNegativeAmounts() - before).isEqualTo(1.0);
	}

	private double rejectedNegativeAmounts() {
		Counter rejected = this.registry.find("complaintflow.analytics.amounts.rejected")
			.tag("reason", "negative")
			.counter();
		return (rejected != null) ? rejected.count() : 0;
	}

	@Test
	void theSinkLagReturnsToZeroWhenIdle() {
		TestEvents one = events("i", Channel.APP, Category.DEVICE, Playbook.DEVICE_FAULT);
		this.publisher.publishAndWait(one.received());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.ops.json("/api/v1/analytics/summary" + range()).at("/totals/received").asLong())
				.isEqualTo(1));

		// the output topics are transactional: the last record of each is followed by a
		// commit marker the sink must commit past
		String sink = this.applicationId + ".sink";
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Gauge> lag = List.copyOf(this.registry.find("complaintflow.consumer.lag").tag("group", sink).gauges());
			assertThat(lag).extracting((gauge) -> gauge.getId().getTag("topic"))
				.contains(this.applicationId + ".rollups", this.applicationId + ".timelines");
			assertThat(lag).extracting(Gauge::value).containsOnly(0.0);
		});
	}

	@Test
	void poisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextEventIsCounted() throws Exception {
		ConsumerRecord<String, byte[]> dead = deadLetterOnceTheNextIsCounted("p",
				"not json".getBytes(StandardCharsets.UTF_8));

		assertThat(new String(dead.headers().lastHeader(EventKafkaConfiguration.DLT_REASON_HEADER).value(),
				StandardCharsets.UTF_8))
			.contains("not JSON");
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-consumer-group").value(),
				StandardCharsets.UTF_8))
			.startsWith("analytics-api-");
	}

	@Test
	void poisonRecordNearTheBrokersLimitIsDeadLetteredWholeAndTheNextEventIsCounted() throws Exception {
		// just under the broker's 1 MiB: with its failure's headers the copy is over it
		byte[] poison = ("big poison " + "x".repeat(1_048_000 - 11)).getBytes(StandardCharsets.UTF_8);

		assertThat(deadLetterOnceTheNextIsCounted("big", poison).value()).hasSize(poison.length);
	}

	/**
	 * Sends the poison and then a complaint of the same customer (so behind it in its
	 * partition), waits until the complaint is counted, and returns the poison's dead
	 * letter.
	 */
	private ConsumerRecord<String, byte[]> deadLetterOnceTheNextIsCounted(String name, byte[] poison) throws Exception {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.RECEIVED))) {
			TestEvents after = events(name, Channel.APP, Category.PRODUCT, Playbook.COMPETITOR_PROMOTION);
			this.template.send(new ProducerRecord<>(Topics.RECEIVED, after.received().customerId(), poison))
				.get(30, java.util.concurrent.TimeUnit.SECONDS);
			this.publisher.publishAndWait(after.received());

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						this.ops.json("/api/v1/analytics/summary" + range()).at("/totals/received").asLong())
					.isEqualTo(1));
			return await().atMost(Duration.ofSeconds(30))
				.until(() -> dlt.poll()
					.stream()
					.filter((record) -> java.util.Arrays.equals(poison, record.value()))
					.findFirst(), java.util.Optional::isPresent)
				.orElseThrow();
		}
	}

	@Test
	void pausesAndMilestoneActualsAreJournaledShownInTheTimelineAndReportedInTheSummary() {
		TestEvents paused = events("w", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		Duration pausedAt = Duration.ofMinutes(12);
		Duration resumedAt = Duration.ofMinutes(22);
		Instant due = this.hour.plus(Duration.ofHours(3));
		List<ComplaintEvent> all = new ArrayList<>(paused.happyLife(Outcome.RETAINED, 4).subList(0, 8));
		all.add(paused.waiting(pausedAt));
		all.add(paused.resumed(pausedAt, resumedAt,
				paused.due(MilestoneKind.PROMISED_ANSWER, Duration.ofMinutes(130))));
		all.add(paused.closed(Duration.ofMinutes(55), Outcome.RETAINED,
				List.of(new MilestoneActual(MilestoneKind.FIRST_RESPONSE, 1, due, 540_000, 0, due, null),
						new MilestoneActual(MilestoneKind.PROMISED_ANSWER, 1, due, 1_740_000, 600_000, due, null),
						new MilestoneActual(MilestoneKind.CALLBACK, 1, due, 3_600_000, 0, due, due))));
		Collections.reverse(all);

		all.forEach(this.publisher::publishAndWait);
		all.forEach(this.publisher::publishAndWait);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range());
			assertThat(summary.at("/totals/closed").asLong()).isEqualTo(1);
			assertThat(summary.at("/pauses/count").asLong()).isEqualTo(1);
			assertThat(summary.at("/pauses/pausedMinutes").asDouble()).isEqualTo(10.0);
			assertThat(summary.at("/actuals/FIRST_RESPONSE/met").asLong()).isEqualTo(1);
			assertThat(summary.at("/actuals/FIRST_RESPONSE/metAverageElapsedMinutes").asDouble()).isEqualTo(9.0);
			assertThat(summary.at("/actuals/PROMISED_ANSWER/metAverageElapsedMinutes").asDouble()).isEqualTo(29.0);
			assertThat(summary.at("/actuals/CALLBACK/breached").asLong()).isEqualTo(1);
			assertThat(summary.at("/actuals/CALLBACK/breachedAverageElapsedMinutes").asDouble()).isEqualTo(60.0);
			assertThat(summary.at("/actuals/FIRST_RESPONSE/breachedAverageElapsedMinutes").isNull()).isTrue();
		});
		// timelines are materialised apart from the rollups
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode timeline = this.ops.json("/api/v1/analytics/complaints/" + paused.complaintId() + "/timeline")
				.get("events");
			assertThat(timeline).extracting((event) -> event.get("type").asString())
				.containsSubsequence("customer-contacted", "case-waiting-on-customer", "case-resumed", "case-closed")
				.containsOnlyOnce("case-waiting-on-customer", "case-resumed");
			assertThat(timeline).filteredOn((event) -> "case-resumed".equals(event.get("type").asString()))
				.singleElement()
				.satisfies((event) -> assertThat(event.at("/attributes/pausedMs").asLong()).isEqualTo(600_000));
		});
	}

	@Test
	void eventOfAnUnknownTypeIsDeadLetteredWithTheReasonAndTheNextEventIsCounted() {
		try (KafkaTestConsumer dlt = new KafkaTestConsumer(Topics.deadLetter(Topics.CASES))) {
			TestEvents after = events("u", Channel.APP, Category.PRODUCT, Playbook.COMPETITOR_PROMOTION);
			// staff work (case-worked) is read and ignored, never dead-lettered: it goes
			// first on the same partition, so it was handled when the unknown one arrives
			CaseWorked worked = new CaseWorked(EventMetadata.newEventId(), "followup", after.opened().occurredAt(),
					after.complaintId(), after.received().customerId(), 1, after.opened().caseId(),
					CaseWorkKind.CLAIMED, "agent");
			this.publisher.publishAndWait(worked);
			ProducerRecord<Object, Object> unknown = new ProducerRecord<>(Topics.CASES, after.received().customerId(),
					("{\"type\":\"case-teleported\",\"schemaVersion\":1,\"complaintId\":\"" + after.complaintId()
							+ "\"}")
						.getBytes(StandardCharsets.UTF_8));
			unknown.headers().add(CloudEventHeaders.TYPE, "case-teleported".getBytes(StandardCharsets.UTF_8));
			this.template.send(unknown);
			this.publisher.publishAndWait(after.opened());

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						this.ops.json("/api/v1/analytics/summary" + range()).at("/totals/opened").asLong())
					.isEqualTo(1));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dlt.poll()).anySatisfy((record) -> {
				assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(after.complaintId());
				assertThat(new String(record.headers().lastHeader("dlt-reason").value(), StandardCharsets.UTF_8))
					.contains("case-teleported");
			}));
			assertThat(dlt.poll()).noneMatch((record) -> new String(record.value(), StandardCharsets.UTF_8)
				.contains(worked.eventId().toString()));
			String timeline = "/api/v1/analytics/complaints/" + after.complaintId() + "/timeline";
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.ops.json(timeline).at("/events").findValuesAsString("type"))
					.containsExactly("case-opened"));
		}
	}

	@Test
	void agentsMayReadATimelineButNotTheDashboardOrTheFigures() {
		TestEvents one = events("a", Channel.APP, Category.BILLING, Playbook.BILLING_ERROR);
		this.publisher.publishAndWait(one.received());
		AnalyticsClient agent = new AnalyticsClient(this.port, "agent", "agent-dev");
		String timeline = "/api/v1/analytics/complaints/" + one.complaintId() + "/timeline";

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(agent.get(timeline).getStatusCode().value()).isEqualTo(200));
		assertThat(agent.get("/dashboard").getStatusCode().value()).isEqualTo(403);
		assertThat(agent.get("/api/v1/analytics/sla").getStatusCode().value()).isEqualTo(403);
		assertThat(this.ops.get("/dashboard").getBody()).contains("/dashboard/dashboard.js");
	}

	@Test
	void drillDownListsExactlyTheComplaintsCountedBehindAFigure() {
		TestEvents kept = events("dk", Channel.HOTLINE, Category.NETWORK, Playbook.NETWORK_FAULT);
		TestEvents lost = events("dl", Channel.STORE, Category.BILLING, Playbook.BILLING_ERROR);
		TestEvents fresh = events("df", Channel.HOTLINE, Category.DEVICE, Playbook.DEVICE_FAULT);
		List<ComplaintEvent> all = new ArrayList<>(kept.happyLife(Outcome.RETAINED, 4));
		all.addAll(List.of(lost.received(), lost.triaged(Nature.VALID, 0), lost.opened(),
				lost.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30)), lost.closed(Duration.ofMinutes(50),
						Outcome.CHURNED, List.of(lost.breachedUnmet(MilestoneKind.FIRST_RESPONSE, 30))),
				fresh.received()));

		all.forEach(this.publisher::publishAndWait);
		all.forEach(this.publisher::publishAndWait);

		// The timelines (drill index) and the rollups (the figures) are written from two
		// output topics, and a complaint's events arrive from several topics in any
		// order: wait for all of it.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(drill("received", "")).containsExactlyInAnyOrder(kept.complaintId(), lost.complaintId(),
					fresh.complaintId());
			assertThat(drill("closed", "")).containsExactlyInAnyOrder(kept.complaintId(), lost.complaintId());
			JsonNode summary = this.ops.json("/api/v1/analytics/summary" + range());
			assertThat(summary.at("/sla/FIRST_RESPONSE/breached").asLong()).isEqualTo(1);
			assertThat(summary.at("/byChannel/HOTLINE/received").asLong()).isEqualTo(2);
			assertThat(summary.at("/totals/closed").asLong()).isEqualTo(2);
			assertThat(drill("received", "&channel=HOTLINE")).containsExactlyInAnyOrder(kept.complaintId(),
					fresh.complaintId());
			assertThat(drill("received", "&category=UNKNOWN")).containsExactly(fresh.complaintId());
			assertThat(drill("received", "&region=BJ-CY&category=NETWORK")).containsExactly(kept.complaintId());
			assertThat(drill("closed", "&playbook=BILLING_ERROR")).containsExactly(lost.complaintId());
			assertThat(drill("slaBreached:FIRST_RESPONSE", "")).containsExactly(lost.complaintId());
			assertThat(drill("slaMet:FIRST_RESPONSE", "")).containsExactly(kept.complaintId());
			assertThat(drill("outcome:RETAINED", "")).containsExactly(kept.complaintId());
			assertThat(drill("satisfaction:4", "")).containsExactly(kept.complaintId());
		});

		JsonNode one = this.ops.json("/api/v1/analytics/complaints" + range() + "&measure=received&limit=1");
		assertThat(one.get("total").asLong()).isEqualTo(3);
		assertThat(one.get("complaints")).hasSize(1);
		JsonNode row = this.ops
			.json("/api/v1/analytics/complaints" + range() + "&measure=closed&playbook=BILLING_ERROR")
			.at("/complaints/0");
		assertThat(row.get("stage").asString()).isEqualTo("closed");
		assertThat(row.get("channel").asString()).isEqualTo("STORE");
		assertThat(row.get("region").asString()).isEqualTo("BJ-CY");
		assertThat(row.get("countedAt").asString()).isEqualTo(this.hour.toString());
		assertThat(new AnalyticsClient(this.port, "supervisor", "supervisor-dev")
			.get("/api/v1/analytics/complaints" + range() + "&measure=received")
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(new AnalyticsClient(this.port, "agent", "agent-dev")
			.get("/api/v1/analytics/complaints" + range() + "&measure=received")
			.getStatusCode()
			.value()).isEqualTo(403);
		for (String bad : List.of("measure=firstResponse", "measure=received&limit=0", "measure=received&limit=201",
				"measure=received&channel=FAX", "measure=received&region=BJ-CY&channel=APP", "")) {
			assertThat(this.ops.get("/api/v1/analytics/complaints" + range() + "&" + bad).getStatusCode().value())
				.as(bad)
				.isEqualTo(400);
		}
	}

	private List<String> drill(String measure, String filters) {
		JsonNode list = this.ops.json("/api/v1/analytics/complaints" + range() + "&measure=" + measure + filters);
		List<String> ids = new ArrayList<>();
		list.get("complaints").forEach((complaint) -> ids.add(complaint.get("complaintId").asString()));
		assertThat(list.get("total").asLong()).isEqualTo(ids.size());
		return ids;
	}

	@Test
	void seriesGranularityMustBeHourOrDay() {
		assertThat(this.ops.get("/api/v1/analytics/timeseries?granularity=week").getStatusCode().value())
			.isEqualTo(400);
		assertThat(this.ops.get("/api/v1/analytics/timeseries?granularity=day").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aDailySeriesCountsOnlyTheHoursOfEachDayTheRangeHolds() {
		Instant day = Instant.parse("2032-03-10T00:00:00Z");
		List<Instant> times = List.of(day.plus(Duration.ofHours(10)), day.plus(Duration.ofHours(20)),
				day.plus(Duration.ofHours(21)), day.plus(Duration.ofHours(22)), day.plus(Duration.ofHours(53)),
				day.plus(Duration.ofHours(54)));
		for (int i = 0; i < times.size(); i++) {
			this.publisher.publishAndWait(new TestEvents("daily-" + i, times.get(i), Channel.HOTLINE, Category.NETWORK,
					"BJ-CY", Playbook.NETWORK_FAULT)
				.received());
		}
		// 18:30 on the 10th to 04:00 on the 12th: three of the 10th's complaints, none of
		// the 12th's (05:00 and 06:00)
		String range = "?from=2032-03-10T18:30:00Z&to=2032-03-12T04:00:00Z&granularity=day";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.ops.json("/api/v1/analytics/summary?from=2032-03-10T00:00:00Z&to=2032-03-13T00:00:00Z")
						.at("/totals/received")
						.asLong())
				.isEqualTo(6));
		// a range with no whole day in it: the hours of the two days it touches
		JsonNode acrossMidnight = this.ops
			.json("/api/v1/analytics/timeseries?from=2032-03-10T21:00:00Z&to=2032-03-11T02:00:00Z&granularity=day");
		assertThat(acrossMidnight).hasSize(1);
		assertThat(acrossMidnight.get(0).get("period").asString()).isEqualTo("2032-03-10T00:00:00Z");
		assertThat(acrossMidnight.get(0).at("/stages/received").asLong()).isEqualTo(2);
		for (String filter : List.of("", "&channel=HOTLINE")) {
			Map<String, Long> received = new TreeMap<>();
			this.ops.json("/api/v1/analytics/timeseries" + range + filter)
				.forEach((point) -> received.merge(point.get("period").asString(),
						point.at("/stages/received").asLong(), Long::sum));
			assertThat(received).as(filter).containsEntry("2032-03-10T00:00:00Z", 3L);
			assertThat(received.getOrDefault("2032-03-12T00:00:00Z", 0L)).as(filter).isZero();
			assertThat(received.values().stream().mapToLong(Long::longValue).sum()).as(filter)
				.isEqualTo(this.ops.json("/api/v1/analytics/summary" + range.replace("&granularity=day", "") + filter)
					.at("/totals/received")
					.asLong());
		}
	}

	@Test
	void timelineOfAnUnknownComplaintIsNotFound() {
		assertThat(this.ops.get("/api/v1/analytics/complaints/nope/timeline").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void summaryNeedsOperationsCredentials() {
		assertThat(new AnalyticsClient(this.port, null, null).get("/api/v1/analytics/summary").getStatusCode().value())
			.isEqualTo(401);
		assertThat(new AnalyticsClient(this.port, "agent", "agent-dev").get("/api/v1/analytics/summary")
			.getStatusCode()
			.value()).isEqualTo(403);
	}

	@Test
	void aPeriodStoredInAFormThisVersionCannotReadIsTheServicesFaultNotTheCallers() {
		String id = new BucketKey(Grain.HOUR, this.hour, View.MAIN,
				new Dims(Dims.ANY, Dims.ANY, Dims.ANY, Dims.ANY, Dims.ANY))
			.documentId();
		MongoCollection<Document> detail = this.mongo.getCollection("rollup_detail");
		detail.insertOne(new Document("_id", id).append("period", Date.from(this.hour))
			.append("grain", Grain.HOUR.name())
			.append("v", 1L)
			.append("b", new Document("NOT-A-BUCKET", new Document("received", 1L))));
		this.mongo.getCollection("rollup_meta")
			.updateOne(Filters.eq("_id", "extent"), Updates.combine(Updates.min("first", Date.from(this.hour)),
					Updates.max("last", Date.from(this.hour))), new UpdateOptions().upsert(true));
		try {
			ResponseEntity<String> response = this.ops
				.get("/api/v1/analytics/summary?from=" + this.hour + "&to=" + this.hour.plus(Duration.ofHours(1)));

			assertThat(response.getStatusCode().value()).isEqualTo(500);
			assertThat(response.getBody()).doesNotContain("NOT-A-BUCKET");
		}
		finally {
			detail.deleteOne(Filters.eq("_id", id));
		}
	}

	@Test
	void unknownFilterValueIsABadRequest() {
		assertThat(this.ops.get("/api/v1/analytics/summary?channel=FAX").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void aRegionLongerThanItsMaximumIsABadRequest() {
		String longest = "R".repeat(64);
		for (String path : List.of("/api/v1/analytics/summary?region=", "/api/v1/analytics/sla?region=",
				"/api/v1/analytics/complaints?measure=received&region=")) {
			ResponseEntity<String> response = this.ops.get(path + longest + "R");

			assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(json(response).path("detail").asString()).contains("region", "64");
			assertThat(this.ops.get(path + longest).getStatusCode().value()).as(path).isEqualTo(200);
		}
	}

	@Test
	void aDrillDownIntoAValueNoMeasureIsCountedForIsABadRequest() {
		for (String measure : List.of("outcome:BOGUS", "satisfaction:9", "satisfaction:0", "slaMet:FOO", "slaBreached:",
				"correctedField:colour")) {
			ResponseEntity<String> response = this.ops
				.get("/api/v1/analytics/complaints" + range() + "&measure=" + measure);

			assertThat(response.getStatusCode().value()).as(measure).isEqualTo(400);
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(json(response).path("detail").asString()).as(measure)
				.contains(measure, "RETAINED", "FIRST_RESPONSE", "churnRisk");
		}
		for (String measure : List.of("outcome:NUMBER_KEPT", "satisfaction:1", "slaMet:ESCALATED_RESOLUTION",
				"slaBreached:ENGINEER_CONTACT", "correctedField:churnRisk", "checkedField:persona", "corrected")) {
			assertThat(this.ops.get("/api/v1/analytics/complaints" + range() + "&measure=" + measure)
				.getStatusCode()
				.value()).as(measure).isEqualTo(200);
		}
	}

	@Test
	void instantWithoutAFourDigitYearIsABadRequestNamingTheValue() {
		// (a '+' in a query string is a space; the later bound is tested with bodies)
		for (String[] bad : new String[][] { { "timeseries", "to", "-1000000000-01-01T00:00:00Z" },
				{ "hotspots", "at", "-1000000000-01-01T00:00:00Z" }, { "summary", "from", "0000-12-31T23:59:59Z" } }) {
			ResponseEntity<String> response = this.ops.get("/api/v1/analytics/" + bad[0] + "?" + bad[1] + "=" + bad[2]);

			assertThat(response.getStatusCode().value()).as(String.join(" ", bad)).isEqualTo(400);
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(json(response).path("detail").asString()).contains(bad[2]);
		}
		assertThat(this.ops.get("/api/v1/analytics/summary?from=0001-01-01T00:00:00Z&to=9999-12-31T23:00:00Z")
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private static JsonNode json(ResponseEntity<String> response) {
		return EventJson.mapper().readTree(response.getBody());
	}

	private String range() {
		return "?from=" + this.hour + "&to=" + this.hour.plus(1, ChronoUnit.HOURS);
	}

	private TestEvents events(String name, Channel channel, Category category, Playbook playbook) {
		return new TestEvents(name + "-" + this.hour.toEpochMilli(), this.hour.plusSeconds(60), channel, category,
				"BJ-CY", playbook);
	}

}
