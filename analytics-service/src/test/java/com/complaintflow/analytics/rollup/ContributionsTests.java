package com.complaintflow.analytics.rollup;

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
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.MilestoneActual;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Outcome;
import com.complaintflow.events.Playbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one complaint contributes to the rollups, as a pure function of its events.
 */
class ContributionsTests {

	private static final Instant START = Instant.parse("2026-11-22T07:10:00Z");

	private final TestEvents life = new TestEvents("c-1", START, Channel.HOTLINE, Category.NETWORK, "BJ-CY",
			Playbook.NETWORK_FAULT);

	@Test
	void contributionsDoNotDependOnTheOrderEventsArrivedIn() {
		List<ComplaintEvent> events = new ArrayList<>(this.life.happyLife(Outcome.RETAINED, 4));
		Contributions inOrder = contributions(events);
		for (int seed = 0; seed < 20; seed++) {
			Collections.shuffle(events, new Random(seed));
			assertThat(contributions(events)).isEqualTo(inOrder);
		}
	}

	@Test
	void eachMeasureCountsInTheHourItHappened() {
		Contributions contributions = contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0),
				this.life.opened(), this.life.resolved(Duration.ofMinutes(70))));

		Counters seven = contributions.at(Instant.parse("2026-11-22T07:00:00Z"));
		Counters eight = contributions.at(Instant.parse("2026-11-22T08:00:00Z"));
		assertThat(seven.get("received")).isEqualTo(1);
		assertThat(seven.get("resolved")).isZero();
		assertThat(eight.get("resolved")).isEqualTo(1);
		assertThat(eight.withPrefix(Measures.SLA_MET)).as("met or breached only once the case closes").isEmpty();
		assertThat(DurationHistogram.quantileSeconds(eight, Measures.RESOLUTION, 0.5) / 60).isBetween(63.0, 77.0);
	}

	@Test
	void aCorrectedDecisionCountsOnceAndEachCorrectedFieldOnceWithItsSource() {
		Contributions contributions = contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0),
				this.life.corrected("playbook", "STANDARD_CARE", "model", Duration.ofMinutes(5)),
				this.life.corrected("playbook", "BILLING_ERROR", "model", Duration.ofMinutes(6)),
				this.life.corrected("category", "BILLING", "rules", Duration.ofMinutes(80))));

		Counters seven = contributions.at(Instant.parse("2026-11-22T07:00:00Z"));
		Counters eight = contributions.at(Instant.parse("2026-11-22T08:00:00Z"));
		assertThat(seven.get(Measures.CORRECTED)).isEqualTo(1);
		assertThat(seven.withPrefix(Measures.CORRECTED_FIELD)).containsExactly(Map.entry("playbook", 1L));
		assertThat(seven.withPrefix(Measures.CORRECTED_SOURCE)).containsExactly(Map.entry("model", 1L));
		assertThat(eight.get(Measures.CORRECTED)).as("the decision counts once").isZero();
		assertThat(eight.withPrefix(Measures.CORRECTED_FIELD)).containsExactly(Map.entry("category", 1L));
		assertThat(eight.withPrefix(Measures.CORRECTED_SOURCE)).containsExactly(Map.entry("rules", 1L));
	}

	@Test
	void aCorrectionUndoneByOneBackToTriagesValueCountsNoMore() {
		// the test events' corrections name PREVIOUS as what triage decided
		Contributions undone = contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0),
				this.life.corrected("playbook", "BILLING_ERROR", "model", Duration.ofMinutes(5)),
				this.life.corrected("playbook", "PREVIOUS", "model", Duration.ofMinutes(6))));
		assertThat(undone.at(Instant.parse("2026-11-22T07:00:00Z")).get(Measures.CORRECTED)).isZero();
		assertThat(undone.at(Instant.parse("2026-11-22T07:00:00Z")).withPrefix(Measures.CORRECTED_FIELD)).isEmpty();
		assertThat(undone.at(Instant.parse("2026-11-22T07:00:00Z")).withPrefix(Measures.CORRECTED_SOURCE)).isEmpty();

		Contributions oneLeft = contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0),
				this.life.corrected("playbook", "BILLING_ERROR", "model", Duration.ofMinutes(5)),
				this.life.corrected("playbook", "PREVIOUS", "model", Duration.ofMinutes(6)),
				this.life.corrected("category", "BILLING", "rules", Duration.ofMinutes(80)),
				this.life.corrected("playbook", "UNRESOLVED_IN_TIME", "model", Duration.ofMinutes(90))));
		Counters seven = oneLeft.at(Instant.parse("2026-11-22T07:00:00Z"));
		Counters eight = oneLeft.at(Instant.parse("2026-11-22T08:00:00Z"));
		assertThat(seven.get(Measures.CORRECTED)).as("corrected again after the undo: counted at its first")
			.isEqualTo(1);
		assertThat(seven.withPrefix(Measures.CORRECTED_FIELD)).containsExactly(Map.entry("playbook", 1L));
		assertThat(eight.get(Measures.CORRECTED)).isZero();
		assertThat(eight.withPrefix(Measures.CORRECTED_FIELD)).containsExactly(Map.entry("category", 1L));
	}

	@Test
	void aConfirmedFieldCountsAsCheckedNotAsCorrected() {
		// a confirmation is a correction to what triage decided (PREVIOUS in the test
		// events)
		Contributions contributions = contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0),
				this.life.corrected("persona", "PREVIOUS", "model", Duration.ofMinutes(5)),
				this.life.corrected("category", "BILLING", "rules", Duration.ofMinutes(6)),
				this.life.corrected("category", "NETWORK", "rules", Duration.ofMinutes(80))));

		Counters seven = contributions.at(Instant.parse("2026-11-22T07:00:00Z"));
		assertThat(seven.withPrefix(Measures.CHECKED_FIELD)).as("each field once, at its first event")
			.containsOnly(Map.entry("persona", 1L), Map.entry("category", 1L));
		assertThat(seven.withPrefix(Measures.CORRECTED_FIELD)).containsExactly(Map.entry("category", 1L));
		assertThat(contributions.at(Instant.parse("2026-11-22T08:00:00Z"))).isNull();
	}

	@Test
	void dimensionsAreUnknownUntilTriageTellsThem() {
		assertThat(contributions(List.of(this.life.received())).dims())
			.isEqualTo(new Dims("HOTLINE", Dims.UNKNOWN, "BJ-CY", Dims.UNKNOWN, Dims.UNKNOWN));
		assertThat(contributions(List.of(this.life.received(), this.life.triaged(Nature.VALID, 0))).dims())
			.isEqualTo(new Dims("HOTLINE", "NETWORK", "BJ-CY", "VENTING", "NETWORK_FAULT"));
	}

	@Test
	void metOrBreachedComesFromTheClosedCaseActualsOnlyInTheHourOfTheClose() {
		Instant due = START.plus(Duration.ofMinutes(30));
		List<ComplaintEvent> open = List.of(this.life.received(), this.life.opened(),
				this.life.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(35)),
				this.life.contacted(Duration.ofMinutes(40)), this.life.resolved(Duration.ofMinutes(45)));
		List<ComplaintEvent> closed = new ArrayList<>(open);
		closed.add(this.life.closed(Duration.ofMinutes(70), Outcome.RETAINED,
				List.of(new MilestoneActual(MilestoneKind.FIRST_RESPONSE, 1, due, 2_400_000, 0, due.plusSeconds(600),
						due.plusSeconds(300)),
						new MilestoneActual(MilestoneKind.PROMISED_ANSWER, 1, due.plusSeconds(3600), 2_700_000, 0,
								due.plusSeconds(900), null),
						new MilestoneActual(MilestoneKind.PROGRESS_UPDATE, 1, due, 0, 0, null, null),
						new MilestoneActual(MilestoneKind.CALLBACK, 1, due, 0, 0, null, due.plusSeconds(60)))));

		assertThat(contributions(open).byHour().values())
			.allSatisfy((counters) -> assertThat(counters.withPrefix(Measures.SLA_MET)).isEmpty())
			.allSatisfy((counters) -> assertThat(counters.withPrefix(Measures.SLA_BREACHED)).isEmpty());
		Counters closeHour = contributions(closed).at(Instant.parse("2026-11-22T08:00:00Z"));
		assertThat(closeHour.withPrefix(Measures.SLA_BREACHED)).containsOnlyKeys("FIRST_RESPONSE", "CALLBACK");
		assertThat(closeHour.withPrefix(Measures.SLA_MET)).containsOnlyKeys("PROMISED_ANSWER");
		assertThat(contributions(closed).at(Instant.parse("2026-11-22T07:00:00Z")).withPrefix(Measures.SLA_MET))
			.isEmpty();
	}

	@Test
	void communicativeComplaintThatEscalatesIsCountedOnce() {
		Contributions contributions = contributions(List.of(this.life.received(), this.life.triaged(Nature.VENTING, 0),
				this.life.breach(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(20)),
				this.life.escalated(Duration.ofMinutes(30))));

		Counters hour = contributions.at(Instant.parse("2026-11-22T07:00:00Z"));
		assertThat(hour.get(Measures.COMMUNICATIVE)).isEqualTo(1);
		assertThat(hour.get(Measures.COMMUNICATIVE_ESCALATED)).isEqualTo(1);
	}

	@Test
	void aPauseIsCountedInTheHourOfTheResume() {
		Duration pausedAt = Duration.ofMinutes(30);
		Duration resumedAt = Duration.ofMinutes(180);
		Contributions contributions = contributions(
				List.of(this.life.received(), this.life.opened(), this.life.waiting(pausedAt), this.life.resumed(
						pausedAt, resumedAt, this.life.due(MilestoneKind.PROMISED_ANSWER, Duration.ofMinutes(270)))));

		Counters resumeHour = contributions.at(Instant.parse("2026-11-22T10:00:00Z"));
		assertThat(resumeHour.get(Measures.PAUSES)).isEqualTo(1);
		assertThat(resumeHour.get(Measures.PAUSED_MS)).isEqualTo(Duration.ofMinutes(150).toMillis());
	}

	@Test
	void closedCaseActualsSumElapsedTimeOfMilestonesMetOnTimeAndLateButNotOfCancelledOnes() {
		Instant due = START.plus(Duration.ofHours(2));
		Contributions contributions = contributions(List.of(this.life.received(),
				this.life.closed(Duration.ofMinutes(55), Outcome.RETAINED,
						List.of(new MilestoneActual(MilestoneKind.FIRST_RESPONSE, 1, due, 600_000, 0, START, null),
								new MilestoneActual(MilestoneKind.PROMISED_ANSWER, 1, due, 10_800_000, 60_000,
										due.plusSeconds(1), null),
								new MilestoneActual(MilestoneKind.PROGRESS_UPDATE, 1, due, 999_000, 0, null, null)))));

		Counters hour = contributions.at(Instant.parse("2026-11-22T08:00:00Z"));
		assertThat(hour.get(Measures.ACTUAL_MET + "FIRST_RESPONSE")).isEqualTo(1);
		assertThat(hour.get(Measures.ACTUAL_MET_MS + "FIRST_RESPONSE")).isEqualTo(600_000);
		assertThat(hour.get(Measures.ACTUAL_BREACHED + "PROMISED_ANSWER")).isEqualTo(1);
		assertThat(hour.get(Measures.ACTUAL_BREACHED_MS + "PROMISED_ANSWER")).isEqualTo(10_800_000);
		assertThat(hour.withPrefix(Measures.ACTUAL_MET)).doesNotContainKey("PROGRESS_UPDATE");
		assertThat(hour.withPrefix(Measures.ACTUAL_BREACHED)).doesNotContainKey("PROGRESS_UPDATE");
	}

	@Test
	void anOutageCountsOnceInTheHourOfItsLowestRevisionWhicheverRevisionAnnouncedItFirst() {
		ComplaintEvent first = this.life.incident("inc-1", 1, Duration.ofMinutes(40));
		ComplaintEvent second = this.life.incident("inc-1", 2, Duration.ofMinutes(60));
		ComplaintEvent third = this.life.incident("inc-1", 3, Duration.ofMinutes(120));
		ComplaintEvent otherOutage = this.life.incident("inc-2", 4, Duration.ofMinutes(120));

		assertThat(incidentsByHour(List.of(third, second))).as("first announced at revision 2")
			.containsExactly(Map.entry(Instant.parse("2026-11-22T08:00:00Z"), 1L));
		assertThat(incidentsByHour(List.of(second, third, first)))
			.containsExactly(Map.entry(Instant.parse("2026-11-22T07:00:00Z"), 1L));
		assertThat(incidentsByHour(List.of(second, otherOutage))).containsExactly(
				Map.entry(Instant.parse("2026-11-22T08:00:00Z"), 1L),
				Map.entry(Instant.parse("2026-11-22T09:00:00Z"), 1L));
	}

	@Test
	void histogramQuantilesAreWithinTenPercent() {
		Counters counters = new Counters();
		for (int minutes = 1; minutes <= 1000; minutes++) {
			DurationHistogram.record(counters, "t", Duration.ofMinutes(minutes));
		}
		assertThat(DurationHistogram.quantileSeconds(counters, "t", 0.5) / 60).isBetween(450.0, 550.0);
		assertThat(DurationHistogram.quantileSeconds(counters, "t", 0.99) / 60).isBetween(891.0, 1089.0);
		assertThat(DurationHistogram.meanSeconds(counters, "t") / 60).isEqualTo(500.5);
	}

	/** The hours the events count an outage in, with the count. */
	private static Map<Instant, Long> incidentsByHour(List<ComplaintEvent> events) {
		Map<Instant, Long> incidents = new TreeMap<>();
		contributions(events).byHour().forEach((hour, counters) -> {
			if (counters.get(Measures.INCIDENTS) != 0) {
				incidents.put(hour, counters.get(Measures.INCIDENTS));
			}
		});
		return incidents;
	}

	private static Contributions contributions(List<ComplaintEvent> events) {
		return Contributions.of(new ComplaintRecord("c-1", events.stream().map(JournalEntry::of).toList()));
	}

}
