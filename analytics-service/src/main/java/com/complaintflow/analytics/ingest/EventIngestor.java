package com.complaintflow.analytics.ingest;

import java.util.EnumMap;
import java.util.Map;

import com.complaintflow.analytics.journal.ComplaintJournal;
import com.complaintflow.analytics.rollup.DirtyHours;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import com.complaintflow.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every topic: records each event in its complaint's journal, then marks the
 * complaint's hours for recomputation. Both steps are idempotent and the offset commits
 * after both, so a crash anywhere in between is repaired by the redelivery.
 */
@Component
class EventIngestor {

	/** The listener's id in the registry. */
	static final String LISTENER_ID = "analytics-events";

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

	@KafkaListener(id = LISTENER_ID, idIsGroup = false,
			topics = { Topics.RECEIVED, Topics.TRIAGED, Topics.INCIDENTS, Topics.CASES, Topics.REMINDERS })
	void on(ComplaintEvent event) {
		this.dirtyHours.mark(this.journal.record(event));
		this.ingested.get(EventType.of(event)).increment();
	}

}
