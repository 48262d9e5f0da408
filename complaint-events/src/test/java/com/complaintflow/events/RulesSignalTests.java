package com.complaintflow.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules signal reads back as triage wrote it, whatever its word holds, and any other
 * signal reads as none.
 */
class RulesSignalTests {

	@Test
	void readsBackWhatItWrites() {
		String signal = new RulesSignal("churn.leave", "I'll leave ('now')").signal();

		assertThat(signal).isEqualTo("signal:churn.leave('I'll leave ('now')')");
		assertThat(RulesSignal.parse(signal)).isEqualTo(new RulesSignal("churn.leave", "I'll leave ('now')"));
		assertThat(RulesSignal.parse(new RulesSignal("network.broadband", "宽带").signal()).word()).isEqualTo("宽带");
	}

	@Test
	void anyOtherSignalIsNoRulesSignal() {
		assertThat(RulesSignal.parse("model:category.NETWORK(p=0.87>=0.00; 'oad' +0.18)")).isNull();
		assertThat(RulesSignal.parse("ignored:negated:churn.leave")).isNull();
		assertThat(RulesSignal.parse("signal:churn.leave")).isNull();
		assertThat(RulesSignal.parse("signal:x(')")).isNull();
		assertThat(RulesSignal.parse(null)).isNull();
	}

}
