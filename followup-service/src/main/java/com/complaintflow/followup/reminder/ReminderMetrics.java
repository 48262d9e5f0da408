package com.complaintflow.followup.reminder;

import java.time.Duration;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * Counts reminders by kind, level and milestone (bounded labels) and measures how late
 * each fired after its due instant.
 */
@Component
class ReminderMetrics {

	private final MeterRegistry registry;

	private final Timer lateness;

	private final Counter failures;

	ReminderMetrics(MeterRegistry registry) {
		this.registry = registry;
		// every series exists at 0 from the start: the alerts' increase() then sees the
		// first reminder after a restart, which a counter born at 1 would hide
		for (ReminderKind kind : ReminderKind.values()) {
			for (EscalationLevel level : EscalationLevel.values()) {
				for (MilestoneKind milestone : MilestoneKind.values()) {
					counter(kind, level, milestone);
				}
			}
		}
		this.lateness = Timer.builder("followup.reminder.lateness")
			.description("Time between a reminder's due instant and its publication")
			.publishPercentileHistogram()
			.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
					Duration.ofSeconds(1), Duration.ofSeconds(5))
			.register(registry);
		this.failures = Counter.builder("followup.reminder.failures")
			.description("Cases whose due reminders could not be raised, acknowledged or recorded; "
					+ "each is fired again after its lease")
			.register(registry);
	}

	/**
	 * A case whose due reminders did not all go out this time (tried again after the
	 * lease).
	 */
	void failed() {
		this.failures.increment();
	}

	void raised(ReminderRaised reminder, Duration late) {
		counter(reminder.kind(), reminder.level(), reminder.milestone()).increment();
		this.lateness.record(late.isNegative() ? Duration.ZERO : late);
	}

	private Counter counter(ReminderKind kind, EscalationLevel level, MilestoneKind milestone) {
		return Counter.builder("followup.reminders")
			.description("Reminders published on complaints.reminders")
			.tag("kind", kind.name())
			.tag("level", level.name())
			.tag("milestone", milestone.name())
			.register(this.registry);
	}

}
