package com.complaintflow.triage.model.training;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The model's stated confidence against how often it was right, per band, and the
 * expected calibration error.
 */
class ReliabilityTests {

	@Test
	void comparesTheConfidenceStatedWithTheShareRightInEachBand() {
		Reliability reliability = Reliability.ofModel();
		// the 40-50 % band: two category decisions, one right (stated 0.42 and 0.48)
		reliability.add(example("a", "category", "BILLING"), byModel("category", "BILLING", 0.42));
		reliability.add(example("b", "category", "BILLING"), byModel("category", "NETWORK", 0.48));
		// the 50-60 % band: a persona decision at exactly 0.5 (a band holds its lower
		// edge),
		// right
		reliability.add(example("p", "persona", "VENTING"), byModel("persona", "VENTING", 0.5));
		// the 90-100 % band: one churn decision at 1.0 (the last band holds 1), right
		reliability.add(example("c", "churnRisk", "LOW"), byModel("churnRisk", "LOW", 1.0));
		// a rule's decision and an unlabelled field are left out
		reliability.add(example("d", "category", "BILLING"),
				new RuleOutcome(Map.of("category", "NETWORK"), Map.of("category", "outage"),
						Map.of("category", "hard-rule"), List.of(), Map.of("category", 0.95), List.of()));
		reliability.add(example("e", "persona", "VENTING"), byModel("category", "NETWORK", 0.1));

		assertThat(reliability.bandRows("set")).isEqualTo(String.format("| set | 40-50 %% | 2 | 45.0 %% | 50.0 %% |%n"
				+ "| set | 50-60 %% | 1 | 50.0 %% | 100.0 %% |%n" + "| set | 90-100 %% | 1 | 100.0 %% | 100.0 %% |%n"));
		// category: one band, stated 0.45, right 0.5
		assertThat(reliability.calibrationError("category")).isCloseTo(0.05, within(1e-9));
		assertThat(reliability.calibrationError("churnRisk")).isZero();
		assertThat(reliability.calibrationError("persona")).isCloseTo(0.5, within(1e-9));
		// all four fields: (2 x 0.05 + 1 x 0.5 + 1 x 0) / 4
		assertThat(reliability.calibrationError()).isCloseTo(0.15, within(1e-9));
		assertThat(reliability.errorRow("set"))
			.isEqualTo(String.format("| set | 5.0 | - | - | 0.0 | - | 50.0 | - | 15.0 |%n"));
	}

	@Test
	void aModelSureAndWrongIsFarFromCalibrated() {
		Reliability reliability = Reliability.ofModel();
		for (int i = 0; i < 10; i++) {
			reliability.add(example("x" + i, "playbook", "FAULT_RESOLUTION"),
					byModel("playbook", "BILLING_DISPUTE", 0.95));
		}

		assertThat(reliability.calibrationError("playbook")).isCloseTo(0.95, within(1e-9));
	}

	@Test
	void theRulesRecordHoldsTheFieldsTheRulesDecidedHardRulesAmongThem() {
		Reliability rules = Reliability.ofRules();
		rules.add(example("a", "category", "BILLING"),
				new RuleOutcome(Map.of("category", "NETWORK"), Map.of("category", "outage"),
						Map.of("category", "hard-rule"), List.of(), Map.of("category", 0.95), List.of()));
		rules.add(example("b", "persona", "VENTING"), new RuleOutcome(Map.of("persona", "VENTING"), Map.of(),
				Map.of("persona", "rules"), List.of(), Map.of("persona", 0.4), List.of()));
		rules.add(example("c", "category", "BILLING"), byModel("category", "BILLING", 0.95));

		assertThat(rules.bandRows("set")).isEqualTo(String
			.format("| set | 40-50 %% | 1 | 40.0 %% | 100.0 %% |%n" + "| set | 90-100 %% | 1 | 95.0 %% | 0.0 %% |%n"));
	}

	private static LabelledExample example(String key, String field, String label) {
		return new LabelledExample("test", key, Language.EN, key, Map.of(field, label), Map.of(), true, "test");
	}

	private static RuleOutcome byModel(String field, String value, double confidence) {
		return new RuleOutcome(Map.of(field, value), Map.of(), Map.of(field, "model"), List.of(),
				Map.of(field, confidence), List.of());
	}

}
