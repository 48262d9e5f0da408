package com.complaintflow.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.support.tracing.ComplaintTrace;
import com.complaintflow.systemtests.audit.WholeTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads the W3C {@code traceparent} header of one complaint's records on every topic it
 * crosses: received (intake, HTTP), triaged (triage, a listener), case opened (followup's
 * outbox) and a reminder (followup's timers, later, on another thread) must all carry the
 * same trace id. The work that writes no record joins that trace too: intake's status
 * view and analytics' timeline (after the Streams topology) take the complaint's changes
 * in spans of it ({@link CapturedSpans}).
 */
final class OneTracePerComplaint {

	/** The topics of one complaint's way, in order. */
	static final List<String> TOPICS = List.of(Topics.RECEIVED, Topics.TRIAGED, Topics.CASES, Topics.REMINDERS);

	/**
	 * The spans of batch consumers that write read models, as {@link CapturedSpans} names
	 * them.
	 */
	static final List<String> READ_MODEL_SPANS = List.of("intake: status update", "analytics: timeline update");

	private final String bootstrapServers;

	OneTracePerComplaint(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Waits until the complaint has a record on each topic, then checks their trace ids.
	 * @param complaintId the complaint
	 * @param wait how long its reminder may take
	 * @return the trace id
	 */
	String assertOneTrace(String complaintId, Duration wait) {
		Map<String, String> traceIds = await().atMost(wait)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> traceIds(complaintId), (found) -> found.keySet().containsAll(TOPICS));
		assertThat(traceIds.get(Topics.RECEIVED)).as("trace id of complaint " + complaintId).matches("[0-9a-f]{32}");
		assertThat(new ArrayList<>(traceIds.values())).as("trace ids per topic: " + traceIds)
			.containsOnly(traceIds.get(Topics.RECEIVED));
		String traceId = traceIds.get(Topics.RECEIVED);
		await().atMost(wait)
			.untilAsserted(() -> assertThat(CapturedSpans.of(traceId)).as("spans of trace " + traceId)
				.containsAll(READ_MODEL_SPANS));
		return traceId;
	}

	/** The trace id of the complaint's first record on each topic that has one. */
	private Map<String, String> traceIds(String complaintId) {
		Map<String, String> found = new LinkedHashMap<>();
		for (String topic : TOPICS) {
			WholeTopic.read(this.bootstrapServers, topic, (record) -> {
				if (!found.containsKey(topic) && complaintId.equals(header(record, CloudEventHeaders.SUBJECT))) {
					found.put(topic, String.valueOf(ComplaintTrace.traceId(ComplaintTrace.traceparent(record))));
				}
			});
		}
		return found;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
