package com.complaintflow.systemtests.fault;

import java.time.Duration;
import java.util.List;

import com.complaintflow.systemtests.fault.FaultInjection.Stalls;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fault-injection run's stall arguments: stalls instead of kills, after them on the
 * same stack (as CI runs it), or none.
 */
class StallsTests {

	@Test
	void stallReplacesTheKills() {
		Stalls stalls = Stalls.fromArguments(List.of("1500", "25", "--stall", "90", "30"));

		assertThat(stalls).isEqualTo(new Stalls(Duration.ofSeconds(90), Duration.ofSeconds(30), false));
	}

	@Test
	void thenStallComesAfterTheKills() {
		Stalls stalls = Stalls.fromArguments(List.of("1500", "25", "--then-stall", "20", "10"));

		assertThat(stalls).isEqualTo(new Stalls(Duration.ofSeconds(20), Duration.ofSeconds(10), true));
	}

	@Test
	void withoutEitherThereAreOnlyKills() {
		assertThat(Stalls.fromArguments(List.of("1500", "25", "--reminder-slice"))).isNull();
	}

	@Test
	void aStallWithoutItsTwoDurationsSaysWhatItNeeds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Stalls.fromArguments(List.of("1500", "25", "--then-stall", "20")))
			.withMessageContaining("--then-stall needs DB_SECONDS BROKER_SECONDS");
	}

}
