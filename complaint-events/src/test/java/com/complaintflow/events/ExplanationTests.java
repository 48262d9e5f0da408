package com.complaintflow.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field is one the console asks about below {@link Explanation#UNSURE_BELOW}, and never
 * where the decision told no confidence.
 */
class ExplanationTests {

	@Test
	void aFieldIsUnsureBelowTheConsolesThresholdOnly() {
		assertThat(Explanation.unsure(0.49)).isTrue();
		assertThat(Explanation.unsure(Explanation.UNSURE_BELOW)).isFalse();
		assertThat(Explanation.unsure(0.9)).isFalse();
		assertThat(Explanation.unsure(null)).isFalse();
	}

}
