package com.complaintflow.triage.model.training;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.RulesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each hard rule's record on labelled texts, beside the confidence it states, and the
 * rule named in a decision's outcome.
 */
class HardRulesTests {

	@Test
	void theOutcomeNamesTheHardRuleThatDecidedEachField() {
		RuleOutcome outcome = Scoring.rules(RulesLoader.bundled(),
				example("a", "I am cancelling my service and switching to another provider", Map.of()));

		assertThat(outcome.hard()).containsEntry("churnRisk", "says-leaving").doesNotContainKey("category");
		assertThat(outcome.values()).containsEntry("churnRisk", "HIGH");
	}

	@Test
	void countsEachRulesLabelledTextsAndRightOnesMostTextsFirst() {
		HardRules hardRules = new HardRules();
		// safety-first: right once, wrong once, and once on a text without a category
		// label (not counted)
		hardRules.add(example("a", "", Map.of("category", "EMERGENCY")), safetyFirst(0.9));
		hardRules.add(example("b", "", Map.of("category", "BILLING")), safetyFirst(0.9));
		hardRules.add(example("c", "", Map.of("churnRisk", "LOW")), safetyFirst(0.9));
		// says-leaving: three texts, two right, stated 0.9 and 0.6
		for (String[] row : new String[][] { { "d", "HIGH", "0.9" }, { "e", "HIGH", "0.9" }, { "f", "LOW", "0.6" } }) {
			hardRules.add(example(row[0], "", Map.of("churnRisk", row[1])),
					new RuleOutcome(Map.of("churnRisk", "HIGH"), Map.of("churnRisk", "says-leaving"), Map.of(),
							List.of(), Map.of("churnRisk", Double.parseDouble(row[2]))));
		}

		assertThat(hardRules.rows("set")).isEqualTo("""
				| set | `churnRisk.says-leaving` | 3 | 2 | 0.67 | 0.80 |
				| set | `category.safety-first` | 2 | 1 | 0.50 | 0.90 |
				""");
	}

	private static RuleOutcome safetyFirst(double confidence) {
		return new RuleOutcome(Map.of("category", "EMERGENCY"), Map.of("category", "safety-first"), Map.of(), List.of(),
				Map.of("category", confidence));
	}

	private static LabelledExample example(String key, String text, Map<String, String> labels) {
		return new LabelledExample("test", key, Language.EN, text, labels, Map.of(), true, "test");
	}

}
