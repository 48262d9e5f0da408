package com.complaintflow.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the model said of a field the rules decided reads back as triage wrote it, and
 * suggests the model's most probable value other than the one decided.
 */
class ModelAdviceTests {

	@Test
	void readsBackWhatItWrites() {
		ModelAdvice written = new ModelAdvice("playbook", "BILLING_ERROR", 0.384,
				new ModelReason.Next("STANDARD_CARE", 0.3));

		assertThat(written.signal()).isEqualTo("advice:playbook.BILLING_ERROR(p=0.38, next STANDARD_CARE p=0.30)");
		assertThat(ModelAdvice.parse(written.signal()))
			.isEqualTo(new ModelAdvice("playbook", "BILLING_ERROR", 0.38, new ModelReason.Next("STANDARD_CARE", 0.3)));
		assertThat(ModelAdvice.parse(new ModelAdvice("category", "NETWORK", 1, null).signal()))
			.isEqualTo(new ModelAdvice("category", "NETWORK", 1, null));
	}

	@Test
	void suggestsTheModelsChoiceOrWhereTheRulesChoseItTooItsNext() {
		ModelAdvice advice = new ModelAdvice("playbook", "BILLING_ERROR", 0.38,
				new ModelReason.Next("STANDARD_CARE", 0.3));

		assertThat(advice.suggestion("NETWORK_FAULT")).isEqualTo("BILLING_ERROR");
		assertThat(advice.suggestion("BILLING_ERROR")).isEqualTo("STANDARD_CARE");
		assertThat(new ModelAdvice("playbook", "BILLING_ERROR", 0.38, null).suggestion("BILLING_ERROR")).isNull();
	}

	@Test
	void aDecisionsSuggestionIsTheModelsNextWhereItDecidedAndWhatItSaidWhereTheRulesDid() {
		List<String> signals = List.of("signal:network.broadband('broadband')",
				new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.38), List.of())
					.signal(),
				"rule:playbook.network", new ModelAdvice("playbook", "BILLING_ERROR", 0.38, null).signal(),
				new ModelReason("persona", "VENTING", 0.9, 0, List.of()).signal(), "fallback:churnRisk");

		assertThat(ModelAdvice.suggestion(signals, "category", "NETWORK")).isEqualTo("BILLING");
		assertThat(ModelAdvice.suggestion(signals, "playbook", "NETWORK_FAULT")).isEqualTo("BILLING_ERROR");
		// a model reason written before the next value was, and a field the model said
		// nothing of
		assertThat(ModelAdvice.suggestion(signals, "persona", "VENTING")).isNull();
		assertThat(ModelAdvice.suggestion(signals, "churnRisk", "LOW")).isNull();
	}

	@Test
	void anyOtherSignalIsNoAdvice() {
		assertThat(ModelAdvice.parse("model:category.NETWORK(p=0.87>=0.00; 'oad' +0.18)")).isNull();
		assertThat(ModelAdvice.parse("rule:category.outage")).isNull();
		assertThat(ModelAdvice.parse("advice:category.NETWORK")).isNull();
		assertThat(ModelAdvice.parse("advice:category.NETWORK(p=high)")).isNull();
		assertThat(ModelAdvice.parse(null)).isNull();
	}

	@Test
	void isReadAsNeitherARulesNorAModelReason() {
		String signal = new ModelAdvice("category", "BILLING", 0.4, null).signal();

		assertThat(RulesReason.parse(signal)).isNull();
		assertThat(ModelReason.parse(signal)).isNull();
		assertThat(ModelReason.anyIn(List.of(signal))).isFalse();
	}

}
