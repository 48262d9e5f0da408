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
import com.complaintflow.events.kafka.UnknownEventTypeException;
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
 * redelivered. A well-formed record of an event type this version does not know is
 * skipped and counted.
 */
@Component
class EventIngestor {

	/** The listener's id in the registry. */
	static final String LISTENER_ID = "analytics-events";

	private static final LogAccessor logger = new LogAccessor(EventIngestor.class);

	private final ComplaintJournal journal;

	private final DirtyHours dirtyHours;

	private final Map<EventType, Counter> ingested = new EnumMap<>(EventType.class);

	private final Counter skipped;

	EventIngestor(ComplaintJournal journal, DirtyHours dirtyHours, MeterRegistry registry) {
		this.journal = journal;
		this.dirtyHours = dirtyHours;
		this.skipped = Counter.builder("complaintflow.analytics.events.skipped")
			.description("Records of an event type this version does not know, skipped instead of dead-lettered")
			.tag("reason", "unknown-type")
			.register(registry);
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
			else if (unknownType(cause(record)) instanceof UnknownEventTypeException unknown) {
				this.skipped.increment();
				logger.info(() -> "Skipped " + record.topic() + "-" + record.partition() + "@" + record.offset()
						+ ": event type '" + unknown.typeName() + "' is not known to this version");
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

	/**
	 * The unknown-type failure behind a record's deserialization failure, or null: an
	 * event type added by a newer producer is skipped, not dead-lettered, since this
	 * consumer reads every topic and ignores what it does not know (as it ignores unknown
	 * fields).
	 */
	private static Throwable unknownType(Exception failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof UnknownEventTypeException) && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static Exception cause(ConsumerRecord<String, Object> record) {
		Exception cause = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logger);
		return (cause != null) ? cause : new IllegalArgumentException("record without a value");
	}

}
