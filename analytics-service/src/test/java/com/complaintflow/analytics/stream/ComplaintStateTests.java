package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.complaintflow.analytics.TestEvents;
import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.BucketKey;
import com.complaintflow.analytics.rollup.Contributions;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Grain;
import com.complaintflow.analytics.rollup.Measures;
import com.complaintflow.analytics.rollup.Shares;
import com.complaintflow.analytics.rollup.Slot;
import com.complaintflow.analytics.rollup.View;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's state in the stream: duplicates change nothing, and the changes it emits,
 * added per bucket the way the grouped aggregation adds them, always add up to the
 * complaint's contributions from all its events, whatever the order and the duplicates.
 */
class ComplaintStateTests {

	private static final Instant START = Instant.parse("2026-11-22T07:50:00Z");

	private final TestEvents life = new TestEvents("c-1", START, Channel.HOTLINE, Category.NETWORK, "BJ-CY",
			Playbook.NETWORK_FAULT);

	@Test
	void aDuplicateEventChangesNothing() {
		ComplaintState state = ComplaintState.empty(null).with("c-1", JournalEntry.of(this.life.received()));

		ComplaintState again = state.with("c-1", JournalEntry.of(this.life.received()));

		assertThat(again.fresh()).isFalse();
		assertThat(again.changes()).isEmpty();
		assertThat(again.entries()).isEqualTo(state.entries());
	}

	@Test
	void changesAppliedLikeTheGroupedTableAddUpToTheContributionsInAnyOrder() {
		List<ComplaintEvent> events = new ArrayList<>(this.life.happyLife(Outcome.RETAINED, 4));
		events.add(this.life.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(70)));
		events.add(this.life.escalated(Duration.ofMinutes(75)));
		events.add(this.life.incident("inc-1", 3, Duration.ofMinutes(80)));
		events.add(this.life.incident("inc-1", 2, Duration.ofMinutes(20)));
		events.add(this.life.incident("inc-1", 1, Duration.ofMinutes(5)));
		Map<String, Counters> expected = new TreeMap<>(Shares
			.of(Contributions.of(new ComplaintRecord("c-1", events.stream().map(JournalEntry::of).toList()))));
		for (int seed = 0; seed < 20; seed++) {
			List<ComplaintEvent> arrival = new ArrayList<>(events);
			arrival.addAll(events.subList(0, 4));
			Collections.shuffle(arrival, new Random(seed));
			assertThat(applyAll(arrival)).isEqualTo(expected);
		}
	}

	@Test
	void theRememberedSharesGiveTheSameChangesAsComputingThem() {
		List<ComplaintEvent> events = new ArrayList<>(this.life.happyLife(Outcome.CHURNED, 2));
		events.add(this.life.escalated(Duration.ofMinutes(75)));
		Collections.shuffle(events, new Random(7));
		ComplaintState computed = ComplaintState.empty(null);
		ComplaintState remembered = ComplaintState.empty(null);
		for (ComplaintEvent event : events) {
			Map<String, Counters> known = remembered.shares();
			computed = computed.with("c-1", JournalEntry.of(event));
			remembered = remembered.with("c-1", JournalEntry.of(event), known);
			assertThat(remembered.changes()).isEqualTo(computed.changes());
			assertThat(remembered.shares()).isEqualTo(Shares
				.bySlot(Contributions.of(new ComplaintRecord("c-1", List.copyOf(computed.entries().values())))));
		}
	}

	@Test
	void anOutageCountsOnceInTheHourOfItsLowestRevisionInAnyArrivalOrder() {
		ComplaintEvent first = this.life.incident("inc-1", 1, Duration.ofMinutes(5));
		ComplaintEvent second = this.life.incident("inc-1", 2, Duration.ofMinutes(20));
		ComplaintEvent third = this.life.incident("inc-1", 3, Duration.ofMinutes(80));

		assertThat(incidentsPerHour(applyAll(List.of(third, second))))
			.containsExactly(Map.entry(Instant.parse("2026-11-22T08:00:00Z"), 1L));
		assertThat(incidentsPerHour(applyAll(List.of(second, third))))
			.containsExactly(Map.entry(Instant.parse("2026-11-22T08:00:00Z"), 1L));
		assertThat(incidentsPerHour(applyAll(List.of(third, second, first, second, third))))
			.as("revision 1 arriving last moves the count to its hour")
			.containsExactly(Map.entry(Instant.parse("2026-11-22T07:00:00Z"), 1L));
	}

	@Test
	void aLaterRevisionOfAnIncidentHeldIsADuplicateAndAnEarlierOneReplacesIt() {
		JournalEntry second = JournalEntry.of(this.life.incident("inc-1", 2, Duration.ofMinutes(20)));
		JournalEntry first = JournalEntry.of(this.life.incident("inc-1", 1, Duration.ofMinutes(5)));
		ComplaintState state = ComplaintState.empty(null)
			.with("c-1", JournalEntry.of(this.life.received()))
			.with("c-1", second);

		ComplaintState later = state.with("c-1",
				JournalEntry.of(this.life.incident("inc-1", 3, Duration.ofMinutes(80))));
		ComplaintState earlier = state.with("c-1", first);

		assertThat(later.fresh()).isFalse();
		assertThat(later.changes()).isEmpty();
		assertThat(later.entries()).isEqualTo(state.entries());
		assertThat(earlier.fresh()).isTrue();
		assertThat(earlier.entries()).hasSize(2).containsValue(first).doesNotContainValue(second);
	}

	@Test
	void aLongOutageKeepsTheStoredStateSmall() {
		ComplaintState state = ComplaintState.empty(null).with("c-1", JournalEntry.of(this.life.received()));
		for (int revision = 1; revision <= 7000; revision++) {
			state = state.with("c-1",
					JournalEntry.of(this.life.incident("inc-1", revision, Duration.ofSeconds(revision))),
					state.shares());
		}

		assertThat(CompactSerde.STATES.serializer().serialize("t", state)).hasSizeLessThan(1024);
	}

	@Test
	void aStateStoredWithEveryRevisionOfAnOutageIsCutDownByItsNextEvent() {
		Map<String, JournalEntry> stored = new TreeMap<>();
		JournalEntry received = JournalEntry.of(this.life.received());
		stored.put(received.eventId(), received);
		for (int revision = 1; revision <= 7000; revision++) {
			JournalEntry announcement = JournalEntry
				.of(this.life.incident("inc-1", revision, Duration.ofSeconds(revision)));
			stored.put(announcement.eventId(), announcement);
		}
		ComplaintState before = new ComplaintState("c-1", stored, Map.of(), null, false);

		ComplaintState after = before.with("c-1", JournalEntry.of(this.life.opened()));

		assertThat(after.fresh()).isTrue();
		assertThat(after.entries().values()).filteredOn((entry) -> entry.type().equals("incident-detected"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.number("revision", 0)).isEqualTo(1));
		assertThat(CompactSerde.STATES.serializer().serialize("t", after)).hasSizeLessThan(1024);
		// cutting the later revisions counts the outage neither again nor less (the event
		// may move it between slots)
		assertThat(after.changes().values().stream().mapToLong((counters) -> counters.get(Measures.INCIDENTS)).sum())
			.isZero();
	}

	@Test
	void theStoredStateKeepsTheEventsButNotTheLastChange() {
		Serde<ComplaintState> serde = CompactSerde.STATES;
		ComplaintState state = ComplaintState.empty(null)
			.with("c-1", JournalEntry.of(this.life.received()))
			.with("c-1", JournalEntry.of(this.life.triaged(Nature.VENTING, 1)));

		ComplaintState read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

		assertThat(state.changes()).isNotEmpty();
		assertThat(read.entries()).isEqualTo(state.entries());
		assertThat(read.with("c-1", JournalEntry.of(this.life.opened())).changes())
			.isEqualTo(state.with("c-1", JournalEntry.of(this.life.opened())).changes());
	}

	/** The outages counted per hour in the buckets (the hourly main view). */
	private static Map<Instant, Long> incidentsPerHour(Map<String, Counters> buckets) {
		Map<Instant, Long> incidents = new TreeMap<>();
		buckets.forEach((key, counters) -> {
			BucketKey bucket = BucketKey.parse(key);
			if (bucket.grain() == Grain.HOUR && bucket.view() == View.MAIN && counters.get(Measures.INCIDENTS) != 0) {
				incidents.merge(bucket.period(), counters.get(Measures.INCIDENTS), Long::sum);
			}
		});
		return incidents;
	}

	/**
	 * The buckets' totals after spreading each event's changes over the buckets and
	 * adding them as the aggregation does.
	 */
	private static Map<String, Counters> applyAll(List<ComplaintEvent> arrival) {
		ComplaintState state = ComplaintState.empty(null);
		Map<String, Counters> totals = new TreeMap<>();
		for (ComplaintEvent event : arrival) {
			state = state.with("c-1", JournalEntry.of(event));
			state.changes().forEach((slot, change) -> Slot.spread(slot, change, totals));
		}
		totals.values().removeIf(Counters::isEmpty);
		return totals;
	}

}
