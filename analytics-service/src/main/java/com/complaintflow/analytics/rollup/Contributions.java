package com.complaintflow.analytics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.journal.IncidentAnnouncements;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.events.EventType;
import com.complaintflow.events.Nature;
import com.complaintflow.events.ReminderKind;

/**
 * What one complaint adds to the rollups: a pure function of its events (not of their
 * arrival order), each measure counted in the hour it happened, under the complaint's
 * dimensions.
 *
 * @param dims the complaint's dimensions
 * @param byHour the measures per hour
 */
public record Contributions(Dims dims, Map<Instant, Counters> byHour) {

	private static final String RECEIVED = EventType.COMPLAINT_RECEIVED.typeName();

	private static final String TRIAGED = EventType.COMPLAINT_TRIAGED.typeName();

	private static final String OPENED = EventType.CASE_OPENED.typeName();

	private static final String CONTACTED = EventType.CUSTOMER_CONTACTED.typeName();

	private static final String OFFERED = EventType.REMEDY_OFFERED.typeName();

	private static final String CHOSEN = EventType.REMEDY_CHOSEN.typeName();

	private static final String RESOLVED = EventType.CASE_RESOLVED.typeName();

	private static final String CALLBACK = EventType.CALLBACK_COMPLETED.typeName();

	private static final String ESCALATED = EventType.CASE_ESCALATED.typeName();

	private static final String CLOSED = EventType.CASE_CLOSED.typeName();

	private static final String REMINDER = EventType.REMINDER_RAISED.typeName();

	private static final String RESUMED = EventType.CASE_RESUMED.typeName();

	private static final String CORRECTED = EventType.DECISION_CORRECTED.typeName();

	/** Computes a complaint's contributions from its journal. */
	public static Contributions of(ComplaintRecord complaint) {
		Builder builder = new Builder(complaint);
		builder.stages();
		builder.times();
		builder.sla();
		builder.satisfactionAndCompensation();
		builder.communicativeEscalated();
		builder.incidents();
		builder.pausesAndActuals();
		builder.corrections();
		return new Contributions(builder.dims(), builder.byHour);
	}

	/**
	 * The measures counted in one hour, or null when the complaint adds nothing there.
	 */
	public Counters at(Instant hour) {
		return this.byHour.get(hour);
	}

	private static final class Builder {

		private final ComplaintRecord complaint;

		private final Map<Instant, Counters> byHour = new LinkedHashMap<>();

		private final JournalEntry received;

		private final JournalEntry triaged;

		private final JournalEntry opened;

		Builder(ComplaintRecord complaint) {
			this.complaint = complaint;
			this.received = complaint.first(RECEIVED);
			this.triaged = complaint.first(TRIAGED);
			this.opened = complaint.first(OPENED);
		}

		Dims dims() {
			return new Dims(attribute("channel", this.triaged, this.opened, this.received),
					attribute("category", this.triaged, this.opened),
					attribute("region", this.triaged, this.opened, this.received), attribute("persona", this.triaged),
					attribute("playbook", this.triaged, this.opened));
		}

		private static String attribute(String name, JournalEntry... sources) {
			return Stream.of(sources)
				.filter(Objects::nonNull)
				.map((entry) -> entry.text(name))
				.filter(Objects::nonNull)
				.findFirst()
				.orElse(Dims.UNKNOWN);
		}

		void stages() {
			count(this.received, "received");
			count(this.triaged, "triaged");
			count(this.opened, "opened");
			count(this.complaint.first(RESOLVED), "resolved");
			JournalEntry closed = this.complaint.first(CLOSED);
			count(closed, "closed");
			if (closed != null) {
				count(closed, Measures.OUTCOME + closed.text("outcome"));
			}
			count(this.complaint.first(ESCALATED), Measures.ESCALATED);
			if (this.triaged != null) {
				if (this.triaged.number("repeatCount", 0) > 0) {
					count(this.triaged, Measures.REPEAT);
				}
				if (isCommunicative()) {
					count(this.triaged, Measures.COMMUNICATIVE);
				}
			}
		}

		void times() {
			Instant start = start();
			if (start == null) {
				return;
			}
			JournalEntry contact = this.complaint.first(CONTACTED);
			if (contact != null) {
				DurationHistogram.record(counters(contact.occurredAt()), Measures.FIRST_RESPONSE,
						Duration.between(start, contact.occurredAt()));
			}
			JournalEntry resolved = this.complaint.first(RESOLVED);
			if (resolved != null) {
				DurationHistogram.record(counters(resolved.occurredAt()), Measures.RESOLUTION,
						Duration.between(start, resolved.occurredAt()));
			}
		}

		/**
		 * Met or breached, per milestone, from one source: the actuals the first
		 * {@code case-closed} carries (followup's own record of each milestone: met on
		 * time, met late or breached, or cancelled), counted in the hour of the close.
		 * Milestones of cases not closed yet count neither way.
		 */
		void sla() {
			JournalEntry closed = this.complaint.first(CLOSED);
			if (closed == null) {
				return;
			}
			for (Map<String, Object> actual : closed.<Map<String, Object>>list("milestones")) {
				String kind = String.valueOf(actual.get("kind"));
				if (Boolean.TRUE.equals(actual.get("breached"))) {
					count(closed, Measures.SLA_BREACHED + kind);
				}
				else if (Boolean.TRUE.equals(actual.get("met"))) {
					count(closed, Measures.SLA_MET + kind);
				}
			}
		}

		void satisfactionAndCompensation() {
			JournalEntry callback = this.complaint.last(CALLBACK);
			if (callback != null) {
				count(callback, Measures.SATISFACTION + callback.number("satisfaction", 0));
			}
			for (JournalEntry offer : this.complaint.ofType(OFFERED)) {
				counters(offer.occurredAt()).add(Measures.OFFERED, 1)
					.add(Measures.OFFERED_CENTS, offer.number("maxCents", 0));
			}
			for (JournalEntry chosen : this.complaint.ofType(CHOSEN)) {
				counters(chosen.occurredAt()).add(Measures.ACCEPTED, 1)
					.add(Measures.ACCEPTED_CENTS, chosen.number("cents", 0));
			}
		}

		void communicativeEscalated() {
			if (this.triaged == null || !isCommunicative()) {
				return;
			}
			Stream.concat(breaches().stream(), this.complaint.ofType(ESCALATED).stream())
				.map(JournalEntry::occurredAt)
				.min(Instant::compareTo)
				.ifPresent((at) -> count(at, Measures.COMMUNICATIVE_ESCALATED));
		}

		/**
		 * Each outage once, in the hour of its first announcement the complaint holds
		 * (the lowest revision: triage may announce an incident first at revision 2 or
		 * later).
		 */
		void incidents() {
			IncidentAnnouncements.firstOfEach(this.complaint.entries())
				.forEach((incident) -> count(incident, Measures.INCIDENTS));
		}

		void pausesAndActuals() {
			for (JournalEntry resumed : this.complaint.ofType(RESUMED)) {
				counters(resumed.occurredAt()).add(Measures.PAUSES, 1)
					.add(Measures.PAUSED_MS, resumed.number("pausedMs", 0));
			}
			JournalEntry closed = this.complaint.first(CLOSED);
			if (closed == null) {
				return;
			}
			Counters counters = counters(closed.occurredAt());
			for (Map<String, Object> actual : closed.<Map<String, Object>>list("milestones")) {
				if (!Boolean.TRUE.equals(actual.get("met"))) {
					continue;
				}
				boolean late = Boolean.TRUE.equals(actual.get("breached"));
				String kind = String.valueOf(actual.get("kind"));
				long elapsed = (actual.get("elapsedMs") instanceof Number number) ? number.longValue() : 0;
				counters.add((late ? Measures.ACTUAL_BREACHED : Measures.ACTUAL_MET) + kind, 1)
					.add((late ? Measures.ACTUAL_BREACHED_MS : Measures.ACTUAL_MET_MS) + kind, elapsed);
			}
		}

		/**
		 * Staff corrections of the decision, as they stand: a field counts as checked at
		 * its first correction or confirmation (a correction to triage's own value), and
		 * as corrected (once, at that first event, with the source that had decided it)
		 * when its latest correction differs from what triage decided, since a correction
		 * back to triage's own value undoes the earlier ones; the complaint counts once,
		 * at the first correction of a field that counts. A field corrected again is the
		 * same wrong decision. A first check the console suggested a value for counts as
		 * suggested, and as taken when it corrected the field to that value.
		 */
		void corrections() {
			Map<String, JournalEntry> first = new LinkedHashMap<>();
			Map<String, JournalEntry> latest = new HashMap<>();
			for (JournalEntry correction : this.complaint.ofType(CORRECTED)) {
				first.putIfAbsent(correction.text("field"), correction);
				latest.put(correction.text("field"), correction);
			}
			JournalEntry firstCounted = null;
			for (Map.Entry<String, JournalEntry> field : first.entrySet()) {
				count(field.getValue(), Measures.CHECKED_FIELD + field.getKey());
				suggestion(field.getValue(), field.getKey());
				JournalEntry inForce = latest.get(field.getKey());
				if (Objects.equals(inForce.text("correctedValue"), inForce.text("previousValue"))) {
					continue;
				}
				JournalEntry at = field.getValue();
				count(at, Measures.CORRECTED_FIELD + field.getKey());
				count(at, Measures.CORRECTED_SOURCE + at.text("decidedBy"));
				firstCounted = (firstCounted != null) ? firstCounted : at;
			}
			count(firstCounted, Measures.CORRECTED);
		}

		private void suggestion(JournalEntry firstCheck, String field) {
			String suggested = firstCheck.text("suggestedValue");
			if (suggested == null) {
				return;
			}
			count(firstCheck, Measures.SUGGESTED_FIELD + field);
			if (suggested.equals(firstCheck.text("correctedValue"))) {
				count(firstCheck, Measures.SUGGESTION_TAKEN_FIELD + field);
			}
		}

		private boolean isCommunicative() {
			return !Nature.VALID.name().equals(this.triaged.text("nature"));
		}

		private Instant start() {
			return Stream.of(this.received, this.triaged, this.opened)
				.filter(Objects::nonNull)
				.map(JournalEntry::occurredAt)
				.findFirst()
				.orElse(null);
		}

		private List<JournalEntry> breaches() {
			return this.complaint.ofType(REMINDER)
				.stream()
				.filter((reminder) -> ReminderKind.BREACH.name().equals(reminder.text("kind")))
				.toList();
		}

		private void count(JournalEntry entry, String measure) {
			if (entry != null) {
				count(entry.occurredAt(), measure);
			}
		}

		private void count(Instant at, String measure) {
			counters(at).add(measure, 1);
		}

		private Counters counters(Instant at) {
			return this.byHour.computeIfAbsent(Hours.hourOf(at), (hour) -> new Counters());
		}

	}

}
