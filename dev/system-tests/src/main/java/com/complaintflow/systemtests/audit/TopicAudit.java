package com.complaintflow.systemtests.audit;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.kafka.CloudEventHeaders;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a whole topic from the beginning and groups its events by a key (a complaint id,
 * a reminder's milestone and level): how many records, and how many distinct event ids,
 * each key has.
 */
public final class TopicAudit {

	private final Map<String, Set<UUID>> eventIds = new HashMap<>();

	private long records;

	private long unreadable;

	private long grouped;

	/**
	 * Reads every record of a topic and groups the events the key function accepts.
	 * @param bootstrapServers the broker
	 * @param topic the topic
	 * @param key the grouping key of an event, or null to skip it
	 * @return the audit
	 */
	public static TopicAudit read(String bootstrapServers, String topic, Function<ComplaintEvent, String> key) {
		TopicAudit audit = new TopicAudit();
		WholeTopic.read(bootstrapServers, topic, (record) -> audit.add(record, key));
		return audit;
	}

	private void add(ConsumerRecord<String, byte[]> record, Function<ComplaintEvent, String> key) {
		this.records++;
		Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
		try {
			ComplaintEvent event = ComplaintEventDeserializer
				.read((type != null) ? new String(type.value(), StandardCharsets.UTF_8) : null, record.value());
			String group = key.apply(event);
			if (group != null) {
				this.grouped++;
				this.eventIds.computeIfAbsent(group, (k) -> new HashSet<>()).add(event.eventId());
			}
		}
		catch (RuntimeException ex) {
			this.unreadable++;
		}
	}

	/** Records read, of any type. */
	public long records() {
		return this.records;
	}

	/** Records that were not valid events. */
	public long unreadable() {
		return this.unreadable;
	}

	/** The keys seen. */
	public Set<String> keys() {
		return this.eventIds.keySet();
	}

	/**
	 * Keys published with more than one distinct event id: the same effect emitted twice.
	 */
	public long keysWithSeveralEventIds() {
		return keysWithMoreEventIdsThan((key) -> 1);
	}

	/**
	 * Keys with more distinct event ids than they may have: the same effect emitted
	 * twice.
	 * @param allowed how many distinct effects a key may carry
	 * @return how many keys exceed it
	 */
	public long keysWithMoreEventIdsThan(java.util.function.ToIntFunction<String> allowed) {
		return this.eventIds.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().size() > allowed.applyAsInt(entry.getKey()))
			.count();
	}

	/**
	 * Records beyond one per distinct event id: re-sent copies, which consumers drop by
	 * event id.
	 */
	public long resentCopies() {
		return this.grouped - distinctEventIds();
	}

	/** Distinct event ids over all keys. */
	public long distinctEventIds() {
		return this.eventIds.values().stream().mapToLong(Set::size).sum();
	}

}
