package com.complaintflow.triage.model.training;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.RulesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule's record on labelled texts, beside the confidence it states and the one its
 * record supports, and what in the rules a decision's outcome names for each field.
 */
class RulesRecordTests {

	@Test
	void theOutcomeNamesWhatInTheRulesDecidedEachField() {
		RuleOutcome outcome = Scoring.rules(RulesLoader.bundled(),
				example("a", "I am cancelling my service and switching to another provider", Map.of()));

		assertThat(outcome.rulesBy()).containsEntry("churnRisk", "says-leaving").containsKey("category");
		assertThat(outcome.hard("churnRisk")).isTrue();
		assertThat(outcome.hard("category")).isFalse();
		assertThat(outcome.rulesBy().values()).allMatch((by) -> !by.isEmpty() && !by.equals("?"));
		assertThat(outcome.values()).containsEntry("churnRisk", "HIGH");
	}

	@Test
	void theOutcomeNamesTheScoreTheDefaultAndTheFallbackInBrackets() {
		RuleOutcome outcome = Scoring.rules(RulesLoader.bundled(), example("a", "hello", Map.of()));

		assertThat(outcome.rulesBy()).containsEntry("category", "(fallback)");
		assertThat(outcome.rulesBy().values()).allMatch((by) -> by.startsWith("(") || !by.contains("("));
	}

	@Test
	void countsEachHardRulesLabelledTextsAndRightOnesMostTextsFirst() {
		RulesRecord hardRules = RulesRecord.ofHardRules();
		// safety-first: right once, wrong once, and once on a text without a category
		// label (not counted)
		hardRules.add(example("a", "", Map.of("category", "EMERGENCY")), safetyFirst(0.9));
		hardRules.add(example("b", "", Map.of("category", "BILLING")), safetyFirst(0.9));
		hardRules.add(example("c", "", Map.of("churnRisk", "LOW")), safetyFirst(0.9));
		// says-leaving: three texts, two right, stated 0.9 and 0.6
		for (String[] row : new String[][] { { "d", "HIGH", "0.9" }, { "e", "HIGH", "0.9" }, { "f", "LOW", "0.6" } }) {
			hardRules.add(example(row[0], "", Map.of("churnRisk", row[1])),
					outcome("churnRisk", "HIGH", "says-leaving", "hard-rule", Double.parseDouble(row[2])));
		}
		// a rule that is not hard is not in the hard rules' record
		hardRules.add(example("g", "", Map.of("persona", "VENTING")),
				outcome("persona", "VENTING", "venting", "rules", 0.9));

		assertThat(hardRules.rows("set")).isEqualTo("""
				| set | `churnRisk.says-leaving` | 3 | 2 | 0.67 | 0.80 |
				| set | `category.safety-first` | 2 | 1 | 0.50 | 0.90 |
				""");
	}

	@Test
	void theRulesRecordSupportsItsShareRightAfterOneRightAndOneWrongFieldByField() {
		RulesRecord english = RulesRecord.ofRules();
		RulesRecord chinese = RulesRecord.ofRules();
		english.add(example("a", "", Map.of("category", "EMERGENCY")), safetyFirst(0.4));
		english.add(example("b", "", Map.of("playbook", "STANDARD_CARE")),
				outcome("playbook", "STANDARD_CARE", "(fallback)", "rules", 0.4));
		chinese.add(example("c", "", Map.of("playbook", "NETWORK_FAULT")),
				outcome("playbook", "STANDARD_CARE", "(fallback)", "rules", 0.4));
		chinese.add(example("d", "", Map.of("playbook", "STANDARD_CARE")),
				outcome("playbook", "STANDARD_CARE", "(fallback)", "rules", 0.4));
		// a field the model decided is not the rules'
		chinese.add(example("e", "", Map.of("category", "EMERGENCY")),
				outcome("category", "EMERGENCY", "(score)", "model", 0.9));
		english.addAll(chinese);

		// category first (the fields' order), then playbook: 1 right of 1 -> 2/3; 2 of 3
		// -> 3/5
		assertThat(english.supportedRows()).isEqualTo("""
				| `category.safety-first` | 1 | 1 | 0.40 | 0.67 |
				| `playbook.(fallback)` | 3 | 2 | 0.40 | 0.60 |
				""");
	}

	private static RuleOutcome safetyFirst(double confidence) {
		return outcome("category", "EMERGENCY", "safety-first", "hard-rule", confidence);
	}

	private static RuleOutcome outcome(String field, String value, String rule, String source, double confidence) {
		return new RuleOutcome(Map.of(field, value), Map.of(field, rule), Map.of(field, source), List.of(),
				Map.of(field, confidence), List.of());
	}

	private static LabelledExample example(String key, String text, Map<String, String> labels) {
		return new LabelledExample("test", key, Language.EN, text, labels, Map.of(), true, "test");
	}

}
