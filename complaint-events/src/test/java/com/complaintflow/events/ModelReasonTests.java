package com.complaintflow.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model reason reads back as triage wrote it, whatever its n-grams hold (quotes,
 * commas, spaces), and any other signal reads as none.
 */
class ModelReasonTests {

	@Test
	void readsBackWhatItWrites() {
		ModelReason written = new ModelReason("churnRisk", "HIGH", 0.873, 0.45,
				List.of(new ModelReason.Weighed("signal:churn.leave", 1.514), new ModelReason.Weighed(", i", 0.14),
						new ModelReason.Weighed("near leaving: switch to", 0.3),
						new ModelReason.Weighed("don't' +0.1", 0.2), new ModelReason.Weighed("宽带", 0.05)));

		String signal = written.signal();
		ModelReason read = ModelReason.parse(signal);

		assertThat(signal).startsWith("model:churnRisk.HIGH(p=0.87>=0.45; 'signal:churn.leave' +1.51, ', i' +0.14, ");
		assertThat(read.field()).isEqualTo("churnRisk");
		assertThat(read.value()).isEqualTo("HIGH");
		assertThat(read.probability()).isEqualTo(0.87);
		assertThat(read.threshold()).isEqualTo(0.45);
		assertThat(read.evidence()).extracting(ModelReason.Weighed::feature)
			.containsExactly("signal:churn.leave", ", i", "near leaving: switch to", "don't' +0.1", "宽带");
		assertThat(read.evidence()).extracting(ModelReason.Weighed::weight).containsExactly(1.51, 0.14, 0.3, 0.2, 0.05);
	}

	@Test
	void readsAReasonWithoutEvidence() {
		ModelReason read = ModelReason.parse(new ModelReason("category", "NETWORK", 0.5, 0, List.of()).signal());

		assertThat(read.value()).isEqualTo("NETWORK");
		assertThat(read.evidence()).isEmpty();
	}

	@Test
	void readsTheNextValueAndAReasonWrittenWithoutOne() {
		ModelReason written = new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.381),
				List.of(new ModelReason.Weighed("next BILLING p=0.9; 'x'", 0.2)));
		ModelReason read = ModelReason.parse(written.signal());

		assertThat(written.signal()).startsWith("model:category.NETWORK(p=0.42>=0.00, next BILLING p=0.38; ");
		assertThat(read.next()).isEqualTo(new ModelReason.Next("BILLING", 0.38));
		assertThat(read.evidence()).extracting(ModelReason.Weighed::feature).containsExactly("next BILLING p=0.9; 'x'");
		assertThat(ModelReason.parse("model:category.NETWORK(p=0.87>=0.00; 'oad' +0.18)").next()).isNull();
	}

	@Test
	void anyOtherSignalIsNoModelReason() {
		assertThat(ModelReason.parse("signal:network.broadband('broadband')")).isNull();
		assertThat(ModelReason.parse("rule:category.outage")).isNull();
		assertThat(ModelReason.parse("model:category.NETWORK")).isNull();
		assertThat(ModelReason.parse("model:category.NETWORK(p=high>=0.45; )")).isNull();
		assertThat(ModelReason.parse(null)).isNull();
	}

}
