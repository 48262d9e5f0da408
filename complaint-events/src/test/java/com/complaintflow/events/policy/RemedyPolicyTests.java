package com.complaintflow.events.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.complaintflow.events.ValueTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one remedy policy: every tier has limits, a broken promise raises them, an agent
 * may offer what triage proposed but never above the cap, and amounts are money.
 */
class RemedyPolicyTests {

	@Test
	void everyTierHasACreditLimitBelowItsCapAndTheFactorReachesTheCap() {
		Arrays.stream(ValueTier.values()).map(RemedyPolicy::limits).forEach((limits) -> {
			assertThat(limits.creditLimit()).isLessThanOrEqualTo(limits.brokenPromiseLimit());
			assertThat(limits.creditLimit().multiply(RemedyPolicy.OVER_COMPENSATION_FACTOR))
				.isEqualByComparingTo(limits.brokenPromiseLimit());
		});
	}

	@Test
	void anAgentMayOfferWhatTriageProposedButNeverAboveTheCap() {
		assertThat(RemedyPolicy.agentLimit(ValueTier.GOLD, List.of())).isEqualByComparingTo("200");
		assertThat(RemedyPolicy.agentLimit(ValueTier.GOLD, Arrays.asList(new BigDecimal("180"), null)))
			.isEqualByComparingTo("200");
		assertThat(RemedyPolicy.agentLimit(ValueTier.GOLD, List.of(new BigDecimal("540")))).isEqualByComparingTo("540");
		assertThat(RemedyPolicy.agentLimit(ValueTier.GOLD, List.of(new BigDecimal("5000"))))
			.isEqualByComparingTo("600");
	}

	@Test
	void anAmountIsMoneyNotNegativeWithAtMostTwoDecimals() {
		assertThat(RemedyPolicy.wellFormed(new BigDecimal("10.50"))).isTrue();
		assertThat(RemedyPolicy.wellFormed(new BigDecimal("1E+3"))).isTrue();
		assertThat(RemedyPolicy.wellFormed(new BigDecimal("1E-60000"))).isFalse();
		assertThat(RemedyPolicy.wellFormed(new BigDecimal("-500"))).isFalse();
		assertThat(RemedyPolicy.wellFormed(new BigDecimal("0.001"))).isFalse();
	}

}
