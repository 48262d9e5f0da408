package com.complaintflow.followup.poll;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an idle poller reads MongoDB again: at once after a busy poll, when the service
 * clock reaches what the poll saw fall due or the idle interval, when this instance wrote
 * something due sooner, and never later for a wake-up that came in while it polled.
 */
class PollPacingTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private final PollPacing pacing = new PollPacing(Duration.ofHours(1));

	@Test
	void pollsAtOnceAtStartAndAfterABusyPoll() {
		assertThat(this.pacing.due(NOW)).isTrue();
		this.pacing.polled(NOW, true, Instant.MAX);
		assertThat(this.pacing.due(NOW)).isTrue();
	}

	@Test
	void anIdlePollerWaitsForWhatItSawFallDueOrTheIdleIntervalByTheServiceClock() {
		this.pacing.polled(NOW, false, NOW.plusSeconds(30));
		assertThat(this.pacing.due(NOW.plusSeconds(29))).isFalse();
		assertThat(this.pacing.due(NOW.plusSeconds(30))).isTrue();

		this.pacing.polled(NOW, false, Instant.MAX);
		assertThat(this.pacing.due(NOW.plus(Duration.ofMinutes(59)))).isFalse();
		assertThat(this.pacing.due(NOW.plus(Duration.ofHours(1)))).isTrue();
	}

	@Test
	void aLocalWriteBringsThePollForward() {
		this.pacing.polled(NOW, false, Instant.MAX);
		this.pacing.dueBy(NOW.plusSeconds(10));
		assertThat(this.pacing.due(NOW.plusSeconds(9))).isFalse();
		assertThat(this.pacing.due(NOW.plusSeconds(10))).isTrue();
		this.pacing.polled(NOW.plusSeconds(10), false, Instant.MAX);
		this.pacing.wake();
		assertThat(this.pacing.due(NOW.plusSeconds(10))).isTrue();
	}

	@Test
	void aWakeUpDuringAPollIsNotLost() {
		assertThat(this.pacing.due(NOW)).isTrue();
		// the poll reads; meanwhile this instance writes something due now
		this.pacing.wake();
		this.pacing.polled(NOW, false, Instant.MAX);
		assertThat(this.pacing.due(NOW)).isTrue();
	}

}
