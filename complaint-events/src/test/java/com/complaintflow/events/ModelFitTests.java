package com.complaintflow.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A category or playbook the model took to fit the other field reads back as triage wrote
 * it, and is found among a decision's signals by its field.
 */
class ModelFitTests {

	private static final ModelFit PLAYBOOK = new ModelFit("playbook", "STANDARD_CARE", "category", "SERVICE_ATTITUDE",
			new ModelReason.Next("NETWORK_FAULT", 0.524));

	@Test
	void readsBackWhatItWrites() {
		assertThat(PLAYBOOK.signal())
			.isEqualTo("fit:playbook.STANDARD_CARE with category SERVICE_ATTITUDE, not NETWORK_FAULT p=0.52");
		assertThat(ModelFit.parse(PLAYBOOK.signal())).isEqualTo(new ModelFit("playbook", "STANDARD_CARE", "category",
				"SERVICE_ATTITUDE", new ModelReason.Next("NETWORK_FAULT", 0.52)));
		assertThat(ModelFit.parse("advice:playbook.BILLING_ERROR(p=0.38)")).isNull();
		assertThat(ModelFit.parse("fit:playbook.STANDARD_CARE")).isNull();
		assertThat(ModelFit.parse(null)).isNull();
	}

	@Test
	void aDecisionsFitIsFoundByItsField() {
		List<String> signals = List.of("signal:attitude.rude('rude')", PLAYBOOK.signal());

		assertThat(ModelFit.of(signals, "playbook").alone().value()).isEqualTo("NETWORK_FAULT");
		assertThat(ModelFit.of(signals, "category")).isNull();
	}

}
