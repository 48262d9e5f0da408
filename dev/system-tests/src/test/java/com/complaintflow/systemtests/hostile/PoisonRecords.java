package com.complaintflow.systemtests.hostile;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.complaintflow.events.CaseOpened;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Customer;
import com.complaintflow.events.Deadlines;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.MilestoneDue;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import com.complaintflow.events.RemedyKind;
import com.complaintflow.events.RemedyOption;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.events.Topics;
import com.complaintflow.events.ValueTier;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.localstack.RunningServices;
import com.complaintflow.localstack.Service;
import com.complaintflow.systemtests.audit.WholeTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison records on every topic: not JSON, a schema version from the future, an unknown
 * type, an instant out of range. Each consumer group of the topic must dead-letter each
 * of them with a reason, and then process the valid event published right behind them on
 * the same partition (checked in analytics' timeline of that complaint, which sees every
 * topic).
 */
public final class PoisonRecords {

	/** The consumer groups of each topic. */
	private static final Map<String, Set<String>> CONSUMERS = Map.of(Topics.RECEIVED,
			Set.of("triage", "followup", "analytics", "intake"), Topics.TRIAGED,
			Set.of("followup", "intake", "analytics"), Topics.INCIDENTS, Set.of("followup", "analytics"), Topics.CASES,
			Set.of("intake", "triage", "followup", "analytics"), Topics.REMINDERS, Set.of("triage", "analytics"),
			Topics.CORRECTIONS, Set.of("analytics"), Topics.NOTIFICATIONS, Set.of("followup"), Topics.ERASURES,
			Set.of("intake", "triage", "followup"));

	/**
	 * The pipeline's topics, then those analytics does not read (processing checked
	 * apart).
	 */
	private static final List<String> TOPICS = java.util.stream.Stream
		.concat(Topics.ALL.stream(), java.util.stream.Stream.of(Topics.NOTIFICATIONS, Topics.ERASURES))
		.toList();

	private static final String GROUP_HEADER = "kafka_dlt-original-consumer-group";

	private final String bootstrapServers;

	private final RunningServices services;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	public PoisonRecords(String bootstrapServers, RunningServices services) {
		this.bootstrapServers = bootstrapServers;
		this.services = services;
	}

	/** What happened on each topic. */
	public record Result(List<String> lines, boolean passed) {

		@Override
		public String toString() {
			return "Poison records:\n" + String.join("\n", this.lines);
		}

	}

	public Result run() throws InterruptedException {
		Map<String, ComplaintEvent> followers = new HashMap<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer())) {
			for (String topic : TOPICS) {
				String key = key(topic);
				ComplaintEvent follower = validEvent(topic, key);
				for (Poison poison : Poison.values()) {
					producer.send(poison.record(topic, key, validEvent(topic, key)));
				}
				RecordHeaders headers = new RecordHeaders();
				byte[] value = new ComplaintEventSerializer().serialize(topic, headers, follower);
				producer.send(new ProducerRecord<>(topic, null, key, value, headers));
				followers.put(topic, follower);
			}
			producer.flush();
		}
		List<String> lines = new ArrayList<>();
		boolean passed = true;
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		for (String topic : TOPICS) {
			Map<String, List<String>> reasons = deadLetters(topic, key(topic), deadline);
			boolean allGroups = CONSUMERS.get(topic)
				.stream()
				.allMatch((group) -> reasons.getOrDefault(group, List.of()).size() >= Poison.values().length
						&& reasons.get(group).stream().noneMatch(String::isBlank));
			boolean processed = switch (topic) {
				case Topics.NOTIFICATIONS -> followupKept((NotificationRequested) followers.get(topic), deadline);
				case Topics.ERASURES -> everyServiceReported((CustomerErased) followers.get(topic), deadline);
				default -> analyticsSaw(followers.get(topic), deadline);
			};
			passed = passed && allGroups && processed;
			lines.add(String.format("  %-4s %-22s dead-lettered by %s; record behind them processed: %s",
					(allGroups && processed) ? "OK" : "FAIL", topic, summary(reasons), processed));
			reasons.values()
				.stream()
				.flatMap(List::stream)
				.distinct()
				.limit(3)
				.forEach((reason) -> lines.add("         reason: " + reason));
		}
		return new Result(lines, passed);
	}

	private String key(String topic) {
		return "poison-" + this.run + "-" + topic;
	}

	private Map<String, List<String>> deadLetters(String topic, String key, long deadline) {
		AtomicReference<Map<String, List<String>>> reasons = new AtomicReference<>(Map.of());
		eventually(deadline, () -> {
			reasons.set(readDeadLetters(topic, key));
			return CONSUMERS.get(topic)
				.stream()
				.allMatch((group) -> reasons.get().getOrDefault(group, List.of()).size() >= Poison.values().length);
		});
		return reasons.get();
	}

	/**
	 * Whether the condition held before the deadline, asked every half second (an
	 * exception counts as not yet: a service still starting).
	 */
	private static boolean eventually(long deadline, Callable<Boolean> condition) {
		try {
			Awaitility.await()
				.atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private Map<String, List<String>> readDeadLetters(String topic, String key) {
		Map<String, List<String>> reasons = new HashMap<>();
		WholeTopic.read(this.bootstrapServers, Topics.deadLetter(topic), (record) -> {
			if (key.equals(record.key())) {
				reasons.computeIfAbsent(header(record, GROUP_HEADER), (g) -> new ArrayList<>())
					.add(header(record, "dlt-reason"));
			}
		});
		return reasons;
	}

	private boolean analyticsSaw(ComplaintEvent event, long deadline) {
		return staffSees(URI.create(this.services.url(Service.ANALYTICS) + "/api/v1/analytics/complaints/"
				+ event.complaintId() + "/timeline"), "ops:ops-dev", event.eventId().toString(), deadline);
	}

	private static boolean staffSees(URI uri, String credentials, String text, long deadline) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.build();
		HttpClient client = HttpClient.newHttpClient();
		return eventually(deadline, () -> {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains(text);
		});
	}

	/** Whether followup's delivery outbox took the notice (listed for its customer). */
	private boolean followupKept(NotificationRequested notice, long deadline) {
		return staffSees(URI
			.create(this.services.url(Service.FOLLOWUP) + "/api/v1/notifications?customerId=" + notice.customerId()),
				"agent:agent-dev", notice.eventId().toString(), deadline);
	}

	/** Whether intake, triage and followup each published their report of the erasure. */
	private boolean everyServiceReported(CustomerErased erasure, long deadline) {
		return eventually(deadline, () -> {
			Set<String> reported = new TreeSet<>();
			WholeTopic.read(this.bootstrapServers, Topics.ERASURES, (record) -> {
				String json = new String(record.value(), StandardCharsets.UTF_8);
				if ("customer-data-erased".equals(header(record, CloudEventHeaders.TYPE))
						&& json.contains("\"erasureId\":\"" + erasure.erasureId() + "\"")) {
					reported.add(header(record, CloudEventHeaders.SOURCE));
				}
			});
			return reported.containsAll(CONSUMERS.get(Topics.ERASURES));
		});
	}

	private static String summary(Map<String, List<String>> reasons) {
		Set<String> parts = new TreeSet<>();
		reasons.forEach((group, list) -> parts.add(group + "=" + list.size()));
		return parts.isEmpty() ? "nobody" : String.join(", ", parts);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : "";
	}

	/**
	 * A valid event of the topic's kind, for a fresh complaint keyed like the poison
	 * before it.
	 */
	private ComplaintEvent validEvent(String topic, String key) {
		UUID id = EventMetadata.newEventId();
		Instant now = EventMetadata.now();
		String complaint = "POISON-" + this.run + "-" + topic.substring(topic.indexOf('.') + 1);
		return switch (topic) {
			case Topics.RECEIVED -> new ComplaintReceived(id, "hostile-suite", now, complaint, key, 1, Channel.APP,
					new Customer(key, null, null, ValueTier.STANDARD), null, new Location("POISON", null),
					"The records before this one were poison", null, null, null, null, EmotionCues.NONE, Language.EN);
			case Topics.TRIAGED -> new ComplaintTriaged(id, "hostile-suite", now, complaint, key, 1, Channel.APP,
					"POISON", ValueTier.STANDARD, Category.SERVICE_QUALITY, Nature.INQUIRY, Persona.RESPECT_SEEKING,
					Emotion.NEUTRAL, RootCauseLayer.UNKNOWN, ChurnRisk.LOW, Playbook.STANDARD_CARE, List.of("Listen"),
					Priority.P4,
					List.of(new RemedyOption(RemedyKind.APOLOGY_GIFT, "Apology", BigDecimal.ONE),
							new RemedyOption(RemedyKind.CUSTOM, "Customer's proposal", null)),
					false, new Deadlines(now.plus(Duration.ofHours(24)), null, null, null, Duration.ofHours(24)),
					"general-care", null, 0, new Explanation("hostile-suite", List.of(), Map.of()), Language.EN, null);
			case Topics.INCIDENTS -> new IncidentDetected(id, "hostile-suite", now, complaint, key, 1,
					"INC-POISON-" + this.run, "POISON", Category.NETWORK, List.of(complaint), 1, 1, now, now);
			case Topics.CASES ->
				new CaseOpened(id, "hostile-suite", now, complaint, key, 1, "case-" + complaint, Channel.APP, "POISON",
						Category.SERVICE_QUALITY, Priority.P4, Playbook.STANDARD_CARE, "general-care", null,
						List.of(new MilestoneDue(MilestoneKind.FIRST_RESPONSE, now.plus(Duration.ofHours(24)))));
			case Topics.NOTIFICATIONS ->
				new NotificationRequested(id, "hostile-suite", now, complaint, key, 1, "case-" + complaint,
						NotificationKind.PROGRESS, Language.EN, "The records before this one were poison", null);
			case Topics.ERASURES -> new CustomerErased(id, "hostile-suite", now, "ERA-" + complaint, key, 1,
					"ERA-" + complaint, "hostile-suite");
			case Topics.CORRECTIONS ->
				new DecisionCorrected(id, "hostile-suite", now, complaint, key, 1, "corr-" + complaint, "playbook",
						"STANDARD_CARE", "BILLING_ERROR", "rules", Playbook.STANDARD_CARE, "AGENT", null);
			default -> new ReminderRaised(id, "hostile-suite", now, complaint, key, 1, "case-" + complaint,
					MilestoneKind.FIRST_RESPONSE, ReminderKind.WARNING, EscalationLevel.AGENT,
					now.plus(Duration.ofHours(12)), "general-care", Priority.P4);
		};
	}

	/**
	 * The four kinds of poison; the last is a valid event of the topic (a complaint of
	 * its own) whose time has a year no database date holds.
	 */
	private enum Poison {

		NOT_JSON, FUTURE_SCHEMA_VERSION, UNKNOWN_TYPE, INSTANT_OUT_OF_RANGE;

		ProducerRecord<String, byte[]> record(String topic, String key, ComplaintEvent valid) {
			RecordHeaders headers = new RecordHeaders();
			String body = switch (this) {
				case NOT_JSON -> "\u0000\u00ffthis is not JSON {";
				case FUTURE_SCHEMA_VERSION -> "{\"type\":\"complaint-received\",\"schemaVersion\":99,\"eventId\":\""
						+ UUID.randomUUID() + "\",\"complaintId\":\"x\",\"customerId\":\"" + key + "\"}";
				case UNKNOWN_TYPE -> "{\"type\":\"complaint-teleported\",\"schemaVersion\":1}";
				case INSTANT_OUT_OF_RANGE ->
					new String(new ComplaintEventSerializer().serialize(topic, headers, valid), StandardCharsets.UTF_8)
						.replaceFirst("\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"+300000000-01-01T00:00:00Z\"");
			};
			if (this == UNKNOWN_TYPE) {
				headers.add(CloudEventHeaders.TYPE, "complaint-teleported".getBytes(StandardCharsets.UTF_8));
			}
			return new ProducerRecord<>(topic, null, key, body.getBytes(StandardCharsets.UTF_8), headers);
		}

	}

}
