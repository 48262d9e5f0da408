package com.complaintflow.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features behind the value the console suggests read back as triage wrote them, and
 * are found by field and value among a decision's signals.
 */
class ModelEvidenceTests {

	@Test
	void readsBackWhatItWrites() {
		ModelEvidence written = new ModelEvidence("category", "BILLING", List.of(new ModelReason.Weighed("bill", 0.424),
				new ModelReason.Weighed("don't (pay)", 0.18), new ModelReason.Weighed("signal:billing.price", 0.1)));

		assertThat(written.signal())
			.isEqualTo("evidence:category.BILLING('bill' +0.42, 'don't (pay)' +0.18, 'signal:billing.price' +0.10)");
		assertThat(ModelEvidence.parse(written.signal())).isEqualTo(new ModelEvidence("category", "BILLING",
				List.of(new ModelReason.Weighed("bill", 0.42), new ModelReason.Weighed("don't (pay)", 0.18),
						new ModelReason.Weighed("signal:billing.price", 0.1))));
		assertThat(ModelEvidence.parse(new ModelEvidence("persona", "VENTING", List.of()).signal()).evidence())
			.isEmpty();
	}

	@Test
	void aDecisionsEvidenceIsFoundByFieldAndValue() {
		List<String> signals = List.of(
				new ModelReason("category", "NETWORK", 0.42, 0, new ModelReason.Next("BILLING", 0.38), List.of())
					.signal(),
				new ModelEvidence("category", "BILLING", List.of(new ModelReason.Weighed("bill", 0.4))).signal(),
				"rule:playbook.network");

		assertThat(ModelEvidence.of(signals, "category", "BILLING")).extracting(ModelReason.Weighed::feature)
			.containsExactly("bill");
		assertThat(ModelEvidence.of(signals, "category", "PRODUCT")).isEmpty();
		assertThat(ModelEvidence.of(signals, "playbook", "BILLING")).isEmpty();
	}

	@Test
	void anyOtherSignalIsNoEvidence() {
		assertThat(ModelEvidence.parse("model:category.NETWORK(p=0.87>=0.00; 'oad' +0.18)")).isNull();
		assertThat(ModelEvidence.parse("advice:category.NETWORK(p=0.87)")).isNull();
		assertThat(ModelEvidence.parse("evidence:category.NETWORK")).isNull();
		assertThat(ModelEvidence.parse(null)).isNull();
	}

}
