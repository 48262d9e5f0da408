package com.complaintflow.analytics.journal;

import java.util.Comparator;
import java.util.List;

/**
 * Everything analytics knows about one complaint: its events from every service, in time
 * order (ties broken by event id, so the order never depends on arrival).
 *
 * @param complaintId the complaint
 * @param entries its events, oldest first
 */
public record ComplaintRecord(String complaintId, List<JournalEntry> entries) {

	static final Comparator<JournalEntry> TIME_ORDER = Comparator.comparing(JournalEntry::occurredAt)
		.thenComparing(JournalEntry::eventId);

	public ComplaintRecord {
		entries = entries.stream().sorted(TIME_ORDER).toList();
	}

	/** The events of one type, oldest first. */
	public List<JournalEntry> ofType(String type) {
		return this.entries.stream().filter((entry) -> entry.type().equals(type)).toList();
	}

	/** The oldest event of one type, or null. */
	public JournalEntry first(String type) {
		return this.entries.stream().filter((entry) -> entry.type().equals(type)).findFirst().orElse(null);
	}

	/** The newest event of one type, or null. */
	public JournalEntry last(String type) {
		List<JournalEntry> all = ofType(type);
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

}
