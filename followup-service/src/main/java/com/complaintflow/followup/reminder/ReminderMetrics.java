package com.complaintflow.followup.reminder;

import java.time.Duration;

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

	ReminderMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lateness = Timer.builder("followup.reminder.lateness")
			.description("Time between a reminder's due instant and its publication")
			.publishPercentileHistogram()
			.serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
					Duration.ofSeconds(1), Duration.ofSeconds(5))
			.register(registry);
	}

	void raised(ReminderRaised reminder, Duration late) {
		Counter.builder("followup.reminders")
			.description("Reminders published on complaints.reminders")
			.tag("kind", reminder.kind().name())
			.tag("level", reminder.level().name())
			.tag("milestone", reminder.milestone().name())
			.register(this.registry)
			.increment();
		this.lateness.record(late.isNegative() ? Duration.ZERO : late);
	}

}
