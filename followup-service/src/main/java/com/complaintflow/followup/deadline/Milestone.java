package com.complaintflow.followup.deadline;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ReminderKind;

/**
 * A promise of a case with its clock: the window counted so far, the time paused, the
 * deadline, and the instant of its next reminder (null when it raises nothing).
 */
public class Milestone {

	private String id;

	private MilestoneKind kind;

	private int seq;

	private MilestoneStatus status;

	/** Null for calendar time, else the business calendar's name. */
	private String calendar;

	private Instant startedAt;

	private long windowMs;

	/** Counted time up to {@link #runningSince} (or to the pause). */
	private long consumedMs;

	private Instant runningSince;

	private long pausedMs;

	private Instant pausedSince;

	private Instant dueAt;

	private Instant metAt;

	private Instant breachedAt;

	private List<Double> warnAt;

	private List<Double> escalateAt;

	/** Index into the reminder ladder of the next reminder to raise. */
	private int nextStep;

	private Instant nextReminderAt;

	Milestone() {
	}

	Milestone(String id, MilestoneKind kind, int seq, String calendar, Instant startedAt, long windowMs,
			List<Double> warnAt, List<Double> escalateAt) {
		this.id = id;
		this.kind = kind;
		this.seq = seq;
		this.status = MilestoneStatus.OPEN;
		this.calendar = calendar;
		this.startedAt = startedAt;
		this.runningSince = startedAt;
		this.windowMs = windowMs;
		this.warnAt = List.copyOf(warnAt);
		this.escalateAt = List.copyOf(escalateAt);
	}

	public String getId() {
		return this.id;
	}

	public MilestoneKind getKind() {
		return this.kind;
	}

	public int getSeq() {
		return this.seq;
	}

	public MilestoneStatus getStatus() {
		return this.status;
	}

	public String getCalendar() {
		return this.calendar;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public long getWindowMs() {
		return this.windowMs;
	}

	public long getConsumedMs() {
		return this.consumedMs;
	}

	public Instant getRunningSince() {
		return this.runningSince;
	}

	public long getPausedMs() {
		return this.pausedMs;
	}

	public Instant getPausedSince() {
		return this.pausedSince;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public Instant getMetAt() {
		return this.metAt;
	}

	public Instant getBreachedAt() {
		return this.breachedAt;
	}

	List<Double> getWarnAt() {
		return this.warnAt;
	}

	List<Double> getEscalateAt() {
		return this.escalateAt;
	}

	public int getNextStep() {
		return this.nextStep;
	}

	public Instant getNextReminderAt() {
		return this.nextReminderAt;
	}

	/** The escalation rungs of this milestone's ladder raised so far. */
	public int escalationRungsPassed() {
		return (int) ReminderStep.ladder(this)
			.stream()
			.limit(this.nextStep)
			.filter((step) -> step.kind() == ReminderKind.ESCALATION)
			.count();
	}

	public boolean isActive() {
		return this.status == MilestoneStatus.OPEN || this.status == MilestoneStatus.PAUSED;
	}

	void setStatus(MilestoneStatus status) {
		this.status = status;
	}

	void setConsumedMs(long consumedMs) {
		this.consumedMs = consumedMs;
	}

	void setRunningSince(Instant runningSince) {
		this.runningSince = runningSince;
	}

	void setPausedMs(long pausedMs) {
		this.pausedMs = pausedMs;
	}

	void setPausedSince(Instant pausedSince) {
		this.pausedSince = pausedSince;
	}

	void setDueAt(Instant dueAt) {
		this.dueAt = dueAt;
	}

	void setMetAt(Instant metAt) {
		this.metAt = metAt;
	}

	void setBreachedAt(Instant breachedAt) {
		this.breachedAt = breachedAt;
	}

	void setNextStep(int nextStep) {
		this.nextStep = nextStep;
	}

	void setNextReminderAt(Instant nextReminderAt) {
		this.nextReminderAt = nextReminderAt;
	}

}
