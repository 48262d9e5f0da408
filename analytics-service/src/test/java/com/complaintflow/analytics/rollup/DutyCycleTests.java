package com.complaintflow.analytics.rollup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A task kept to a share of the time waits after each run in proportion to how long it
 * took.
 */
class DutyCycleTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void theFirstRunMayStartAtOnce() {
		assertThat(new DutyCycle(0.25).mayRun(Long.MIN_VALUE + 5)).isTrue();
	}

	@Test
	void aRunOfTwoSecondsAtAQuarterShareWaitsSixSeconds() {
		DutyCycle cycle = new DutyCycle(0.25);

		cycle.ran(10 * SECOND, 12 * SECOND);

		assertThat(cycle.mayRun(17 * SECOND)).isFalse();
		assertThat(cycle.mayRun(18 * SECOND)).isTrue();
	}

	@Test
	void aFullShareNeverWaits() {
		DutyCycle cycle = new DutyCycle(1.0);

		cycle.ran(0, 5 * SECOND);

		assertThat(cycle.mayRun(5 * SECOND)).isTrue();
	}

	@Test
	void theShareMustBeAFraction() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DutyCycle(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new DutyCycle(1.5));
	}

}
