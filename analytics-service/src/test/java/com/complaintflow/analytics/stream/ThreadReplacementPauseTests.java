package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pause before a failed stream thread is replaced: short after a failure out of the
 * blue, growing to a minute while the failures keep coming, short again after a quiet
 * spell.
 */
class ThreadReplacementPauseTests {

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));

	final ThreadReplacementPause pauses = new ThreadReplacementPause(this.now::get);

	@Test
	void aFailureThatComesBackEveryTimeIsReplacedAtMostOnceAMinute() {
		List<Duration> waited = new ArrayList<>();
		for (int failure = 0; failure < 9; failure++) {
			Duration pause = this.pauses.next();
			waited.add(pause);
			// the replaced thread fails again as soon as it has the record
			this.now.updateAndGet((instant) -> instant.plus(pause).plusSeconds(2));
		}

		assertThat(waited).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
	}

	@Test
	void aFailureAfterAQuietSpellIsReplacedAfterASecondAgain() {
		this.pauses.next();
		this.pauses.next();
		this.now.updateAndGet((instant) -> instant.plus(ThreadReplacementPause.QUIET));

		assertThat(this.pauses.next()).isEqualTo(ThreadReplacementPause.FIRST);
	}

}
