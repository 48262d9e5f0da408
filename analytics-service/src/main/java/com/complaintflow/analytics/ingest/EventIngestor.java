package com.complaintflow.analytics.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.journal.ComplaintJournal;
import com.complaintflow.analytics.rollup.DirtyHours;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import com.complaintflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes every topic in batches: records the events in their complaints' journal
 * documents, then marks the complaints' hours for recomputation. Both steps are
 * idempotent and the offsets commit after both, so a crash anywhere in between is
 * repaired by the redelivery. A record that is not a valid event fails the batch at its
 * index: the records before it are kept, it goes to the dead-letter topic, the rest is
 * redelivered.
 */
@Component
class EventIngestor {

	/** The listener's id in the registry. */
	static final String LISTENER_ID = "analytics-events";

	private static final LogAccessor logger = new LogAccessor(EventIngestor.class);

	private final ComplaintJournal journal;

	private final DirtyHours dirtyHours;

	private final Map<EventType, Counter> ingested = new EnumMap<>(EventType.class);

	EventIngestor(ComplaintJournal journal, DirtyHours dirtyHours, MeterRegistry registry) {
		this.journal = journal;
		this.dirtyHours = dirtyHours;
		for (EventType type : EventType.values()) {
			this.ingested.put(type,
					Counter.builder("complaintflow.analytics.events.ingested")
						.description("Events recorded by analytics, redeliveries included")
						.tag("type", type.typeName())
						.register(registry));
		}
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, containerFactory = IngestConfiguration.BATCH_FACTORY,
			topics = { Topics.RECEIVED, Topics.TRIAGED, Topics.INCIDENTS, Topics.CASES, Topics.REMINDERS })
	void on(List<ConsumerRecord<String, Object>> records) {
		List<ComplaintEvent> events = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, Object> record = records.get(index);
			if (record.value() instanceof ComplaintEvent event) {
				events.add(event);
			}
			else {
				ingest(events);
				throw new BatchListenerFailedException("not a complaint event", cause(record), index);
			}
		}
		ingest(events);
	}

	private void ingest(List<ComplaintEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.dirtyHours.mark(this.journal.recordAll(events));
		events.forEach((event) -> this.ingested.get(EventType.of(event)).increment());
	}

	private static Exception cause(ConsumerRecord<String, Object> record) {
		Exception cause = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		return (cause != null) ? cause : new IllegalArgumentException("record without a value");
	}

}
