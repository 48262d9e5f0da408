package com.complaintflow.events;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.RulesReason.Source;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules reason reads back as triage wrote it, for each thing in the rules that decides
 * a field, and any other signal reads as none.
 */
class RulesReasonTests {

	@Test
	void readsBackEachSource() {
		RulesReason rule = RulesReason.rule("churnRisk", "says-leaving");
		RulesReason score = new RulesReason(Source.SCORE, "category", "NETWORK=3.5");
		RulesReason byCategory = new RulesReason(Source.DEFAULT, "playbook", "byCategory.NETWORK");
		RulesReason fallback = new RulesReason(Source.FALLBACK, "persona", "");

		assertThat(rule.signal()).isEqualTo("rule:churnRisk.says-leaving");
		assertThat(score.signal()).isEqualTo("score:category.NETWORK=3.5");
		assertThat(byCategory.signal()).isEqualTo("default:playbook.byCategory.NETWORK");
		assertThat(fallback.signal()).isEqualTo("fallback:persona");
		for (RulesReason written : new RulesReason[] { rule, score, byCategory, fallback }) {
			assertThat(RulesReason.parse(written.signal())).isEqualTo(written);
		}
	}

	@Test
	void onlyARuleHasARuleId() {
		assertThat(RulesReason.parse("rule:category.safety-first").ruleId()).isEqualTo("safety-first");
		assertThat(RulesReason.parse("score:category.NETWORK=3.5").ruleId()).isNull();
		assertThat(RulesReason.parse("default:playbook.byCategory.NETWORK").ruleId()).isNull();
	}

	@Test
	void anyOtherSignalReadsAsNone() {
		assertThat(RulesReason.parse(null)).isNull();
		assertThat(RulesReason.parse("rule")).isNull();
		assertThat(RulesReason.parse("rule:")).isNull();
		assertThat(RulesReason.parse("rule:.outage")).isNull();
		assertThat(RulesReason.parse("rule:category-outage")).isNull();
		assertThat(RulesReason.parse("signal:network.broadband('broadband')")).isNull();
		assertThat(RulesReason.parse("model:category.NETWORK(p=0.42>=0.00; 'oad' +0.18)")).isNull();
		assertThat(RulesReason.parse("remedies:network")).isNull();
	}

}
