package com.complaintflow.analytics.ingest;

import com.complaintflow.analytics.journal.ComplaintJournal;
import com.complaintflow.analytics.rollup.DirtyHours;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Topics;

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

	EventIngestor(ComplaintJournal journal, DirtyHours dirtyHours) {
		this.journal = journal;
		this.dirtyHours = dirtyHours;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false,
			topics = { Topics.RECEIVED, Topics.TRIAGED, Topics.INCIDENTS, Topics.CASES, Topics.REMINDERS })
	void on(ComplaintEvent event) {
		this.dirtyHours.mark(this.journal.record(event));
	}

}
