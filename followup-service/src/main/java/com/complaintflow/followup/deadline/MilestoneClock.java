package com.complaintflow.followup.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ReminderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Opens milestones from the policy table and runs their clocks: meeting, pausing and
 * resuming them, and finding the reminder each one is due to raise next.
 */
@Component
public class MilestoneClock {

	private static final Logger logger = LoggerFactory.getLogger(MilestoneClock.class);

	/** How far ahead a calendar's holidays should be listed. */
	private static final int HOLIDAYS_AHEAD_DAYS = 90;

	private final MilestoneSettings settings;

	private final Map<String, WorkingTime> calendars = new HashMap<>();

	public MilestoneClock(MilestoneSettings settings) {
		this.settings = settings;
		settings.calendars().forEach((name, spec) -> {
			this.calendars.put(name, new BusinessCalendar(spec));
			LocalDate ahead = LocalDate.now(spec.zone()).plusDays(HOLIDAYS_AHEAD_DAYS);
			if (spec.holidaysEndBefore(ahead)) {
				logger.warn("Business calendar '{}' lists no holiday after {}: add the next year's statutory holidays "
						+ "(complaintflow.followup.milestones.calendars.{}.holidays), or deadlines will fall on them",
						name, ahead, name);
			}
		});
	}

	/**
	 * Opens a milestone. Under calendar time a deadline from triage sets the window;
	 * otherwise the interval from triage, else the policy's window, is counted on the
	 * policy's clock.
	 * @param caseId the case
	 * @param kind the milestone kind
	 * @param seq the sequence number (recurring and repeated milestones count up)
	 * @param start when the clock starts
	 * @param deadline an absolute deadline promised by triage, or null
	 * @param interval a window set by triage, or null
	 * @return the running milestone
	 */
	public Milestone open(String caseId, MilestoneKind kind, int seq, Instant start, Instant deadline,
			Duration interval) {
		MilestonePolicy policy = this.settings.policy(kind);
		boolean business = policy.clock() == ClockKind.BUSINESS;
		Duration window;
		if (deadline != null && !business) {
			window = deadline.isAfter(start) ? Duration.between(start, deadline) : Duration.ZERO;
		}
		else {
			window = (interval != null) ? interval : policy.window();
		}
		Milestone milestone = new Milestone(milestoneId(caseId, kind, seq), kind, seq,
				business ? policy.calendar() : null, start, window.toMillis(), policy.warnAt(), policy.escalateAt());
		schedule(milestone);
		return milestone;
	}

	public static String milestoneId(String caseId, MilestoneKind kind, int seq) {
		return caseId + ":" + kind + ":" + seq;
	}

	/**
	 * Stops the clock for good because the promise was kept; false if it was not active.
	 */
	public boolean meet(Milestone milestone, Instant now) {
		return finish(milestone, now, MilestoneStatus.MET);
	}

	/** Stops the clock for good because the promise no longer applies. */
	public boolean cancel(Milestone milestone, Instant now) {
		return finish(milestone, now, MilestoneStatus.CANCELLED);
	}

	/**
	 * Pauses the clock while the case waits on the customer; false if it was not running.
	 */
	public boolean pause(Milestone milestone, Instant now) {
		if (milestone.getStatus() != MilestoneStatus.OPEN) {
			return false;
		}
		milestone.setConsumedMs(elapsedMs(milestone, now));
		milestone.setRunningSince(null);
		milestone.setPausedSince(now);
		milestone.setStatus(MilestoneStatus.PAUSED);
		milestone.setNextReminderAt(null);
		return true;
	}

	/** Resumes a paused clock and moves its deadline and reminders by the pause. */
	public boolean resume(Milestone milestone, Instant now) {
		if (milestone.getStatus() != MilestoneStatus.PAUSED) {
			return false;
		}
		milestone.setPausedMs(pausedMs(milestone, now));
		milestone.setPausedSince(null);
		milestone.setRunningSince(now);
		milestone.setStatus(MilestoneStatus.OPEN);
		schedule(milestone);
		return true;
	}

	/** The counted time the milestone has run, up to now. */
	public long elapsedMs(Milestone milestone, Instant now) {
		Instant since = milestone.getRunningSince();
		if (milestone.getStatus() != MilestoneStatus.OPEN || since == null) {
			return milestone.getConsumedMs();
		}
		return milestone.getConsumedMs() + time(milestone).between(since, now).toMillis();
	}

	/** The wall-clock time the milestone has been paused, up to now. */
	public long pausedMs(Milestone milestone, Instant now) {
		Instant since = milestone.getPausedSince();
		long current = (since != null && now.isAfter(since)) ? Duration.between(since, now).toMillis() : 0;
		return milestone.getPausedMs() + current;
	}

	/** The reminder the milestone is due to raise at {@code now}, if any. */
	public Optional<ReminderStep> due(Milestone milestone, Instant now) {
		Instant next = milestone.getNextReminderAt();
		if (milestone.getStatus() != MilestoneStatus.OPEN || next == null || next.isAfter(now)) {
			return Optional.empty();
		}
		return nextRung(milestone);
	}

	/**
	 * The milestone's next reminder, due or not, whatever its status; empty after its
	 * last.
	 */
	public Optional<ReminderStep> nextRung(Milestone milestone) {
		List<ReminderStep> ladder = ReminderStep.ladder(milestone);
		return (milestone.getNextStep() < ladder.size()) ? Optional.of(ladder.get(milestone.getNextStep()))
				: Optional.empty();
	}

	/**
	 * Records that the step at {@code stepIndex} was raised and schedules the next one;
	 * false when that step is no longer the next (already recorded).
	 */
	public boolean advance(Milestone milestone, int stepIndex) {
		if (milestone.getNextStep() != stepIndex) {
			return false;
		}
		ReminderStep step = ReminderStep.ladder(milestone).get(stepIndex);
		if (step.kind() == ReminderKind.BREACH && milestone.getBreachedAt() == null && milestone.isActive()) {
			// a breach sent just before a pause is recorded after it, when the milestone
			// has no next reminder: it was due at the deadline (a promise met or
			// cancelled meanwhile keeps what its closing event said)
			milestone.setBreachedAt(
					(milestone.getNextReminderAt() != null) ? milestone.getNextReminderAt() : milestone.getDueAt());
		}
		milestone.setNextStep(stepIndex + 1);
		schedule(milestone);
		return true;
	}

	private boolean finish(Milestone milestone, Instant now, MilestoneStatus status) {
		if (!milestone.isActive()) {
			return false;
		}
		milestone.setConsumedMs(elapsedMs(milestone, now));
		if (milestone.getStatus() == MilestoneStatus.PAUSED) {
			milestone.setPausedMs(pausedMs(milestone, now));
			milestone.setPausedSince(null);
		}
		milestone.setRunningSince(null);
		milestone.setStatus(status);
		milestone.setMetAt(now);
		milestone.setNextReminderAt(null);
		return true;
	}

	private void schedule(Milestone milestone) {
		if (milestone.getStatus() != MilestoneStatus.OPEN) {
			milestone.setNextReminderAt(null);
			return;
		}
		WorkingTime time = time(milestone);
		Instant since = milestone.getRunningSince();
		long consumed = milestone.getConsumedMs();
		if (consumed < milestone.getWindowMs() || milestone.getDueAt() == null) {
			milestone.setDueAt(time.plus(since, Duration.ofMillis(Math.max(0, milestone.getWindowMs() - consumed))));
		}
		// else the deadline passed before a pause: it stays where it was (the rungs after
		// it still move by the pause)
		List<ReminderStep> ladder = ReminderStep.ladder(milestone);
		if (milestone.getNextStep() >= ladder.size()) {
			milestone.setNextReminderAt(null);
			return;
		}
		long target = ladder.get(milestone.getNextStep()).targetMs(milestone.getWindowMs());
		milestone.setNextReminderAt(time.plus(since, Duration.ofMillis(Math.max(0, target - consumed))));
	}

	private WorkingTime time(Milestone milestone) {
		if (milestone.getCalendar() == null) {
			return WorkingTime.CALENDAR;
		}
		WorkingTime calendar = this.calendars.get(milestone.getCalendar());
		if (calendar == null) {
			// a calendar renamed or removed from the configuration while milestones named
			// it: counting all the time keeps their reminders coming (early rather than
			// never)
			logger.warn("Business calendar '{}' of milestone {} is not configured; counted in calendar time",
					milestone.getCalendar(), milestone.getId());
			return WorkingTime.CALENDAR;
		}
		return calendar;
	}

}
