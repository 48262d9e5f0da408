package com.complaintflow.followup.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;
import com.complaintflow.events.ReminderRaised;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reminder series is exported at 0 from the start, so the paging alerts'
 * {@code increase()} sees the first breach after a restart (a counter born at 1 hides
 * it).
 */
class ReminderMetricsTests {

	@Test
	void everySeriesExistsAtZeroBeforeTheFirstReminderAndCountsIt() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ReminderMetrics metrics = new ReminderMetrics(registry);

		Counter breach = registry.find("followup.reminders")
			.tags("kind", "BREACH", "level", "SUPERVISOR", "milestone", "FIRST_RESPONSE")
			.counter();
		assertThat(breach).isNotNull();
		assertThat(breach.count()).isZero();
		assertThat(registry.find("followup.reminders").counters())
			.hasSize(ReminderKind.values().length * EscalationLevel.values().length * MilestoneKind.values().length);

		metrics.raised(new ReminderRaised(UUID.randomUUID(), "followup", Instant.now(), "CMP-1", "C-1", 1, "CASE-1",
				MilestoneKind.FIRST_RESPONSE, ReminderKind.BREACH, EscalationLevel.SUPERVISOR, Instant.now(), "queue",
				Priority.P2), Duration.ofMillis(5));

		assertThat(breach.count()).isEqualTo(1);
	}

}
