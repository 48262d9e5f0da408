package com.complaintflow.triage.model.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How often held-out decisions would ask staff, and how many wrong fields the questions
 * reach.
 */
class UnsureFieldsTests {

	private static final int CONSOLE = UnsureFields.THRESHOLDS.indexOf(Explanation.UNSURE_BELOW);

	@Test
	void countsTheTextsWithAnUnsureFieldTheWrongFieldsTheirQuestionsReachAndTheNextValueRight() {
		UnsureFields unsure = new UnsureFields();
		// category unsure and wrong, the model's next most likely value right; persona
		// sure
		// and right
		unsure.add(example("a", Map.of("category", "BILLING", "persona", "RATIONAL")),
				decided(Map.of("category", "NETWORK", "persona", "RATIONAL"), Map.of("category", 0.42, "persona", 0.9),
						model("category", "NETWORK", "BILLING")));
		// churn sure and wrong: no question reaches it
		unsure.add(example("b", Map.of("churnRisk", "HIGH")),
				decided(Map.of("churnRisk", "LOW"), Map.of("churnRisk", 0.8)));
		// playbook unsure but right; emotion is not a field staff correct, so never asked
		unsure.add(example("c", Map.of("playbook", "FAULT_RESOLUTION", "emotion", "ANGER")),
				decided(Map.of("playbook", "FAULT_RESOLUTION", "emotion", "ANXIETY"),
						Map.of("playbook", 0.45, "emotion", 0.1)));
		// nothing unsure
		unsure.add(example("d", Map.of("category", "BILLING")),
				decided(Map.of("category", "BILLING"), Map.of("category", 0.99)));
		// persona unsure and wrong, decided by a rule against the model's first value,
		// which is right: the console suggests what the model said (the explanation's
		// advice), a right suggestion
		unsure.add(example("e", Map.of("persona", "VENTING")),
				new RuleOutcome(Map.of("persona", "RATIONAL"), Map.of("persona", "a-rule"),
						Map.of("persona", "hard-rule"), List.of(), Map.of("persona", 0.3),
						List.of(advice("persona", "VENTING", "RATIONAL"))));
		// category unsure and wrong, the next value wrong too
		unsure.add(example("f", Map.of("category", "PRODUCT")), decided(Map.of("category", "NETWORK"),
				Map.of("category", 0.35), model("category", "NETWORK", "BILLING")));

		assertThat(unsure.askedShare(CONSOLE)).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(unsure.wrongWhenAsked(CONSOLE)).isEqualTo(0.75);
		assertThat(unsure.wrongWhenNotAsked(CONSOLE)).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(unsure.wrongReached(CONSOLE)).isEqualTo(0.75);
		assertThat(unsure.nextRightWhenWrong(CONSOLE)).isCloseTo(2.0 / 3, within(1e-9));
		// three asked fields carry a suggestion (c's playbook has none), two of them
		// wrong with the suggestion right: a reader takes two
		assertThat(unsure.takenByAReader(CONSOLE)).isCloseTo(2.0 / 3, within(1e-9));
		// at 30 % nothing is asked (0.3 is not below it); at 70 % the same four texts
		assertThat(unsure.askedShare(0)).isZero();
		assertThat(unsure.wrongReached(0)).isZero();
		assertThat(unsure.askedShare(UnsureFields.THRESHOLDS.size() - 1)).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(unsure.rows("set"))
			.contains("| set | 50 % (the console's) | 66.7 % | 0.67 | 75.0 % | 33.3 % | 75.0 % | 66.7 % | 66.7 % |");
	}

	@Test
	void whereARuleChoseTheModelsFirstValueTheModelsNextIsSuggested() {
		UnsureFields unsure = new UnsureFields();
		unsure.add(example("a", Map.of("playbook", "BILLING_ERROR")),
				new RuleOutcome(Map.of("playbook", "STANDARD_CARE"), Map.of("playbook", "(fallback)"),
						Map.of("playbook", "rules"), List.of(), Map.of("playbook", 0.4),
						List.of(advice("playbook", "STANDARD_CARE", "BILLING_ERROR"))));
		// unsure and right, with a suggestion a reader leaves
		unsure.add(example("b", Map.of("playbook", "STANDARD_CARE")),
				new RuleOutcome(Map.of("playbook", "STANDARD_CARE"), Map.of("playbook", "(fallback)"),
						Map.of("playbook", "rules"), List.of(), Map.of("playbook", 0.4),
						List.of(advice("playbook", "STANDARD_CARE", "BILLING_ERROR"))));

		assertThat(unsure.nextRightWhenWrong(CONSOLE)).isEqualTo(1.0);
		assertThat(unsure.takenByAReader(CONSOLE)).isEqualTo(0.5);
	}

	@Test
	void anUnlabelledFieldAsksButIsNotScored() {
		UnsureFields unsure = new UnsureFields();
		unsure.add(example("a", Map.of("category", "BILLING")),
				decided(Map.of("category", "BILLING", "persona", "RATIONAL"), Map.of("persona", 0.3)));

		assertThat(unsure.askedShare(CONSOLE)).isEqualTo(1.0);
		assertThat(unsure.wrongWhenAsked(CONSOLE)).isZero();
		assertThat(unsure.wrongWhenNotAsked(CONSOLE)).isZero();
		assertThat(unsure.nextRightWhenWrong(CONSOLE)).isZero();
	}

	private static LabelledExample example(String key, Map<String, String> labels) {
		return new LabelledExample("test", key, Language.EN, key, labels, Map.of(), true, "test");
	}

	/**
	 * A decision whose every field the model decided, its explanation carrying the given
	 * signals.
	 */
	private static RuleOutcome decided(Map<String, String> values, Map<String, Double> confidence,
			String... explanation) {
		Map<String, String> decidedBy = new HashMap<>();
		values.keySet().forEach((field) -> decidedBy.put(field, "model"));
		return new RuleOutcome(values, Map.of(), decidedBy, List.of(), confidence, List.of(explanation));
	}

	/** The model's reason for a field it decided, with its next value. */
	private static String model(String field, String value, String next) {
		return new ModelReason(field, value, 0.42, 0, new ModelReason.Next(next, 0.3), List.of()).signal();
	}

	/** What the model said of a field the rules decided, with its next value. */
	private static String advice(String field, String value, String next) {
		return new ModelAdvice(field, value, 0.42, new ModelReason.Next(next, 0.3)).signal();
	}

}
