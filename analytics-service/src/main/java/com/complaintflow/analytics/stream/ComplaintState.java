package com.complaintflow.analytics.stream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Contributions;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Share;
import org.bson.Document;

/**
 * The state of one complaint in the stream: every event analytics received for it, keyed
 * by event id (so a duplicate changes nothing), and what the last event changed in its
 * shares of the rollups ({@link #changes()}: the new share of each slot that changed, or
 * null for a slot it no longer fills).
 *
 * @param complaintId the complaint
 * @param entries its events by event id
 * @param changes the shares the last event changed, by slot; empty for a duplicate
 * @param fresh whether the last event was new to the complaint
 */
record ComplaintState(String complaintId, Map<String, JournalEntry> entries, Map<String, Share> changes,
		boolean fresh) {

	static ComplaintState empty(String complaintId) {
		return new ComplaintState(complaintId, Map.of(), Map.of(), false);
	}

	/** The state with one more event: a duplicate changes nothing. */
	ComplaintState with(String complaintId, JournalEntry entry) {
		if (this.entries.containsKey(entry.eventId())) {
			return new ComplaintState(complaintId, this.entries, Map.of(), false);
		}
		Map<String, JournalEntry> next = new TreeMap<>(this.entries);
		next.put(entry.eventId(), entry);
		Map<String, Share> before = this.entries.isEmpty() ? Map.of() : Share.of(Contributions.of(record()));
		ComplaintState state = new ComplaintState(complaintId, next, Map.of(), true);
		Map<String, Share> after = Share.of(Contributions.of(state.record()));
		Map<String, Share> changes = new LinkedHashMap<>();
		after.forEach((slot, share) -> {
			if (!share.equals(before.get(slot))) {
				changes.put(slot, share);
			}
		});
		before.keySet().forEach((slot) -> {
			if (!after.containsKey(slot)) {
				changes.put(slot, null);
			}
		});
		return new ComplaintState(complaintId, next, changes, true);
	}

	ComplaintRecord record() {
		return new ComplaintRecord(this.complaintId, List.copyOf(this.entries.values()));
	}

	/** The complaint's events as the timeline read model stores them. */
	Document eventsDocument() {
		Document events = new Document();
		this.entries.forEach((id, entry) -> events.append(id, entry.toDocument()));
		return events;
	}

	Document toDocument() {
		List<Document> changed = new ArrayList<>();
		this.changes.forEach((slot, share) -> {
			Document change = new Document("slot", slot);
			if (share != null) {
				change.append("bucket", share.bucket()).append("m", share.counters().toDocument());
			}
			changed.add(change);
		});
		return new Document("c", this.complaintId).append("e", eventsDocument())
			.append("d", changed)
			.append("f", this.fresh);
	}

	static ComplaintState fromDocument(Document doc) {
		Map<String, JournalEntry> entries = new TreeMap<>();
		doc.get("e", Document.class).forEach((id, entry) -> entries.put(id, JournalEntry.of(id, (Document) entry)));
		Map<String, Share> changes = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (Document change : doc.getList("d", Document.class, List.of())) {
			String slot = change.getString("slot");
			if (seen.add(slot)) {
				String bucket = change.getString("bucket");
				changes.put(slot, (bucket != null)
						? new Share(bucket, Counters.fromDocument(change.get("m", Document.class))) : null);
			}
		}
		return new ComplaintState(doc.getString("c"), entries, changes, doc.getBoolean("f", false));
	}

}
