package com.complaintflow.analytics.journal;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.complaintflow.events.EventType;

/**
 * Which announcement ({@code incident-detected}) of an outage a complaint keeps and
 * counts: of all revisions triage published for one incident, the lowest (ties by time,
 * then event id), whatever order they arrived in.
 */
public final class IncidentAnnouncements {

	/** The type of an announcement. */
	public static final String TYPE = EventType.INCIDENT_DETECTED.typeName();

	/** Lowest revision first, then oldest, then lowest event id. */
	private static final Comparator<JournalEntry> FIRST = Comparator
		.comparingLong((JournalEntry entry) -> entry.number("revision", 0))
		.thenComparing(ComplaintRecord.TIME_ORDER);

	private IncidentAnnouncements() {
	}

	/**
	 * The announcement of the same incident as {@code entry} among {@code entries}, or
	 * null when {@code entry} announces no incident or none of its incident is held.
	 */
	public static JournalEntry sameIncident(Collection<JournalEntry> entries, JournalEntry entry) {
		if (!TYPE.equals(entry.type())) {
			return null;
		}
		String incidentId = entry.text("incidentId");
		return entries.stream()
			.filter((held) -> TYPE.equals(held.type()) && Objects.equals(incidentId, held.text("incidentId")))
			.min(FIRST)
			.orElse(null);
	}

	/** Whether {@code entry} comes before {@code other} as an incident's announcement. */
	public static boolean precedes(JournalEntry entry, JournalEntry other) {
		return FIRST.compare(entry, other) < 0;
	}

	/** The first announcement of each incident among the entries. */
	public static Collection<JournalEntry> firstOfEach(List<JournalEntry> entries) {
		Map<String, JournalEntry> first = new LinkedHashMap<>();
		entries.stream()
			.filter((entry) -> TYPE.equals(entry.type()))
			.forEach((entry) -> first.merge(String.valueOf(entry.text("incidentId")), entry,
					(held, next) -> precedes(next, held) ? next : held));
		return first.values();
	}

}
