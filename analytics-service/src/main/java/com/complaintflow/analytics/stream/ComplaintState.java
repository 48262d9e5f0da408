package com.complaintflow.analytics.stream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.analytics.journal.IncidentAnnouncements;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Contributions;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Shares;
import org.bson.Document;

/**
 * The state of one complaint in the stream: every event analytics received for it (of an
 * outage's announcements, the first only), keyed by event id (so a duplicate changes
 * nothing), and what the last event changed in the rollups ({@link #changes()}: per slot,
 * an hour under the complaint's dimensions, the complaint's new share minus its old one;
 * {@code BucketChanges} spreads them over the buckets).
 *
 * @param complaintId the complaint
 * @param entries its events by event id
 * @param changes what the last event added to each slot it changed (negative counts for
 * what it took away), by slot text ({@link Shares#bySlot}); empty for a duplicate
 * @param shares the complaint's share of each slot after the last event, when known (null
 * when read from the store: it is not stored)
 * @param fresh whether the last event was new to the complaint
 */
record ComplaintState(String complaintId, Map<String, JournalEntry> entries, Map<String, Counters> changes,
		Map<String, Counters> shares, boolean fresh) {

	static ComplaintState empty(String complaintId) {
		return new ComplaintState(complaintId, Map.of(), Map.of(), Map.of(), false);
	}

	/**
	 * The state with one more event: a duplicate changes nothing, and so does a later
	 * announcement of an incident already held.
	 */
	ComplaintState with(String complaintId, JournalEntry entry) {
		return with(complaintId, entry, null);
	}

	/**
	 * The state with one more event, given the complaint's shares before it when they are
	 * known (null computes them from the events): a duplicate changes nothing. Of an
	 * incident's announcements only the first is kept ({@link IncidentAnnouncements}): a
	 * later one is a duplicate, an earlier one replaces the one held (so a long outage's
	 * revisions do not grow the state).
	 */
	ComplaintState with(String complaintId, JournalEntry entry, Map<String, Counters> known) {
		JournalEntry sameIncident = IncidentAnnouncements.sameIncident(this.entries.values(), entry);
		if (this.entries.containsKey(entry.eventId())
				|| (sameIncident != null && !IncidentAnnouncements.precedes(entry, sameIncident))) {
			return new ComplaintState(complaintId, this.entries, Map.of(), known, false);
		}
		Map<String, JournalEntry> next = new TreeMap<>(this.entries);
		next.put(entry.eventId(), entry);
		// only the first announcement of each incident stays: the one this entry
		// replaces, and the later ones a state stored before they were left out still
		// holds
		Collection<JournalEntry> first = IncidentAnnouncements.firstOfEach(List.copyOf(next.values()));
		next.values().removeIf((held) -> IncidentAnnouncements.TYPE.equals(held.type()) && !first.contains(held));
		Map<String, Counters> before = (known != null) ? known
				: this.entries.isEmpty() ? Map.of() : Shares.bySlot(Contributions.of(record()));
		ComplaintState state = new ComplaintState(complaintId, next, Map.of(), null, true);
		Map<String, Counters> after = Shares.bySlot(Contributions.of(state.record()));
		return new ComplaintState(complaintId, next, Shares.difference(before, after), after, true);
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

}
