package com.complaintflow.followup.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ReminderKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Milestone clocks: the reminder ladder, pause and resume, meeting, and business hours.
 */
class MilestoneClockTests {

	static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

	final MilestoneClock clock = new MilestoneClock(settings());

	@Test
	void ladderWarnsAtHalfAndEightyPercentBreachesAtTheDeadlineThenEscalatesTwice() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.FIRST_RESPONSE, 1, T, null, null);

		List<String> fired = new ArrayList<>();
		List<Instant> at = new ArrayList<>();
		while (milestone.getNextReminderAt() != null) {
			Instant when = milestone.getNextReminderAt();
			ReminderStep step = this.clock.due(milestone, when).orElseThrow();
			assertThat(this.clock.due(milestone, when.minusMillis(1))).isEmpty();
			fired.add(step.kind() + "/" + step.level());
			at.add(when);
			this.clock.advance(milestone, milestone.getNextStep());
		}

		assertThat(fired).containsExactly("WARNING/AGENT", "WARNING/AGENT", "BREACH/AGENT", "ESCALATION/SUPERVISOR",
				"ESCALATION/EXPERT_TEAM");
		assertThat(at).containsExactly(T.plus(Duration.ofHours(12)), T.plus(Duration.ofMinutes(1152)),
				T.plus(Duration.ofHours(24)), T.plus(Duration.ofHours(30)), T.plus(Duration.ofHours(36)));
		assertThat(milestone.getBreachedAt()).isEqualTo(T.plus(Duration.ofHours(24)));
	}

	@Test
	void advancingAStepTwiceRecordsItOnce() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.FIRST_RESPONSE, 1, T, null, null);

		assertThat(this.clock.advance(milestone, 0)).isTrue();
		assertThat(this.clock.advance(milestone, 0)).isFalse();
		assertThat(milestone.getNextStep()).isEqualTo(1);
	}

	@Test
	void pauseStopsRemindersAndResumeMovesTheDeadlineByThePause() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.FIRST_RESPONSE, 1, T, null, null);

		this.clock.pause(milestone, T.plus(Duration.ofHours(6)));
		assertThat(milestone.getNextReminderAt()).isNull();
		assertThat(this.clock.due(milestone, T.plus(Duration.ofHours(40)))).isEmpty();
		this.clock.resume(milestone, T.plus(Duration.ofHours(30)));

		assertThat(milestone.getDueAt()).isEqualTo(T.plus(Duration.ofHours(48)));
		assertThat(milestone.getNextReminderAt()).isEqualTo(T.plus(Duration.ofHours(36)));
		assertThat(this.clock.pausedMs(milestone, T.plus(Duration.ofHours(31))))
			.isEqualTo(Duration.ofHours(24).toMillis());
		assertThat(this.clock.elapsedMs(milestone, T.plus(Duration.ofHours(31))))
			.isEqualTo(Duration.ofHours(7).toMillis());
	}

	@Test
	void aDeadlinePassedBeforeAPauseStaysWhereItWasAndTheRungsAfterItMoveByThePause() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.FIRST_RESPONSE, 1, T, null, null);
		while (milestone.getNextReminderAt() != null
				&& !milestone.getNextReminderAt().isAfter(T.plus(Duration.ofHours(24)))) {
			this.clock.advance(milestone, milestone.getNextStep());
		}
		assertThat(milestone.getBreachedAt()).isEqualTo(T.plus(Duration.ofHours(24)));

		this.clock.pause(milestone, T.plus(Duration.ofHours(26)));
		this.clock.resume(milestone, T.plus(Duration.ofHours(40)));

		// breached at 24 h: the deadline is still 24 h, not the resume instant
		assertThat(milestone.getDueAt()).isEqualTo(T.plus(Duration.ofHours(24)));
		// the supervisor rung (30 h of counted time) comes 4 h of running time after the
		// resume
		assertThat(milestone.getNextReminderAt()).isEqualTo(T.plus(Duration.ofHours(44)));
	}

	@Test
	void metMilestoneRaisesNothingAndKeepsItsActualTimes() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.FIRST_RESPONSE, 1, T, null, null);

		assertThat(this.clock.meet(milestone, T.plus(Duration.ofHours(3)))).isTrue();

		assertThat(milestone.getStatus()).isEqualTo(MilestoneStatus.MET);
		assertThat(this.clock.due(milestone, T.plus(Duration.ofDays(3)))).isEmpty();
		assertThat(this.clock.elapsedMs(milestone, T.plus(Duration.ofDays(3))))
			.isEqualTo(Duration.ofHours(3).toMillis());
		assertThat(this.clock.meet(milestone, T.plus(Duration.ofHours(4)))).isFalse();
	}

	@Test
	void triageDeadlineSetsACalendarWindow() {
		Milestone milestone = this.clock.open("case-1", MilestoneKind.ENGINEER_CONTACT, 1, T,
				T.plus(Duration.ofMinutes(30)), null);

		assertThat(milestone.getDueAt()).isEqualTo(T.plus(Duration.ofMinutes(30)));
		ReminderStep first = this.clock.due(milestone, T.plus(Duration.ofMinutes(15))).orElseThrow();
		assertThat(first.kind()).isEqualTo(ReminderKind.WARNING);
		assertThat(first.level()).isEqualTo(EscalationLevel.AGENT);
	}

	@Test
	void businessHoursWindowSkipsTheWeekend() {
		Instant fridayAfternoon = BusinessCalendarTests.at(2026, 11, 20, 16, 0);

		Milestone milestone = this.clock.open("case-1", MilestoneKind.PROGRESS_UPDATE, 1, fridayAfternoon, null, null);

		assertThat(milestone.getDueAt()).isEqualTo(BusinessCalendarTests.at(2026, 11, 23, 15, 0));
		assertThat(milestone.getNextReminderAt()).isEqualTo(BusinessCalendarTests.at(2026, 11, 23, 11, 0));
	}

	@Test
	void aMilestoneWhoseCalendarWasRenamedInTheConfigurationIsCountedInCalendarTimeNotStopped() {
		Instant fridayAfternoon = BusinessCalendarTests.at(2026, 11, 20, 16, 0);
		Milestone milestone = this.clock.open("case-1", MilestoneKind.PROGRESS_UPDATE, 1, fridayAfternoon, null, null);
		MilestoneSettings before = settings();
		Map<MilestoneKind, MilestonePolicy> policies = new EnumMap<>(before.policies());
		policies.put(MilestoneKind.PROGRESS_UPDATE,
				new MilestonePolicy(ClockKind.BUSINESS, "cn", Duration.ofHours(8), null, null));
		MilestoneSettings renamed = new MilestoneSettings(policies, Map.of("cn", before.calendars().get("default")));

		assertThat(new MilestoneClock(renamed).advance(milestone, 0)).isTrue();

		// the second warning (80 % of 8 h) 6.4 h after opening, counted all the time
		assertThat(milestone.getNextReminderAt()).isEqualTo(fridayAfternoon.plus(Duration.ofMinutes(384)));
	}

	static MilestoneSettings settings() {
		Map<MilestoneKind, MilestonePolicy> policies = new EnumMap<>(MilestoneKind.class);
		for (MilestoneKind kind : MilestoneKind.values()) {
			policies.put(kind, new MilestonePolicy(ClockKind.CALENDAR, null, Duration.ofHours(24), null, null));
		}
		policies.put(MilestoneKind.PROGRESS_UPDATE,
				new MilestonePolicy(ClockKind.BUSINESS, "default", Duration.ofHours(8), null, null));
		String day = BusinessCalendarTests.DAY;
		CalendarSpec calendar = new CalendarSpec(BusinessCalendarTests.SHANGHAI, Map.of(DayOfWeek.MONDAY, day,
				DayOfWeek.TUESDAY, day, DayOfWeek.WEDNESDAY, day, DayOfWeek.THURSDAY, day, DayOfWeek.FRIDAY, day),
				List.of());
		return new MilestoneSettings(policies, Map.of("default", calendar));
	}

}
