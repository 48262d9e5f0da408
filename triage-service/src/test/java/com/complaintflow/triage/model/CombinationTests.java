package com.complaintflow.triage.model;

import java.util.List;
import java.util.Map;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.Playbook;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.Advice;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesLoader;
import com.complaintflow.triage.rules.TriageContext;
import com.complaintflow.triage.rules.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How rules and model combine: a hard rule (safety, an explicit exit) wins; then the
 * model when its probability reaches its threshold; then the rules. The explanation names
 * the source of every field and, for the model, the n-grams that weighed most.
 */
class CombinationTests {

	private static final RuleSet RULES = RulesLoader.bundled();

	private static Advice sure(String value) {
		return new Advice(value, 0.93, 0.5,
				List.of(new ModelReason.Weighed("charge", 0.41), new ModelReason.Weighed("bill", 0.30)));
	}

	private static Verdict decide(String text, Map<String, Advice> advice) {
		ComplaintReceived complaint = Scoring.complaint(text, Language.EN, "C-9");
		return RULES.decide(RULES.analyze(complaint, advice), TriageContext.NONE);
	}

	@Test
	void aSureModelDecidesAndItsNgramsAreInTheExplanation() {
		Verdict verdict = decide("The price went up again this year", Map.of("category", sure("BILLING")));

		assertThat(verdict.category()).isEqualTo(Category.BILLING);
		assertThat(verdict.decidedBy()).containsEntry("category", "model");
		assertThat(verdict.explanation().signals())
			.contains("model:category.BILLING(p=0.93>=0.50; 'charge' +0.41, 'bill' +0.30)");
		assertThat(verdict.explanation().confidence()).containsEntry("category", 0.93);
	}

	@Test
	void theModelsNextValueIsInTheExplanation() {
		Verdict verdict = decide("The price went up again this year", Map.of("category",
				new Advice("BILLING", 0.52, 0, List.of(), "v1", new ModelReason.Next("PRODUCT", 0.31))));

		assertThat(verdict.explanation().signals())
			.contains("model:category.BILLING(p=0.52>=0.00, next PRODUCT p=0.31; )");
	}

	@Test
	void aPlaybookTheModelFittedToItsCategorySaysSo() {
		Verdict verdict = decide("The shop assistant was rude to me, no help at all",
				Map.of("category", sure("SERVICE_ATTITUDE"), "playbook",
						new Advice("STANDARD_CARE", 0.61, 0, List.of(), "v1",
								new ModelReason.Next("NETWORK_FAULT", 0.52), List.of(),
								new ModelReason.Next("NETWORK_FAULT", 0.52))));
		Verdict mostProbable = decide("The shop assistant was rude to me, no help at all", Map.of("category",
				sure("SERVICE_ATTITUDE"), "playbook",
				new Advice("STANDARD_CARE", 0.52, 0, List.of(), "v1", new ModelReason.Next("NETWORK_FAULT", 0.30))));

		assertThat(verdict.playbook().name()).isEqualTo("STANDARD_CARE");
		assertThat(verdict.explanation().signals())
			.contains("fit:playbook.STANDARD_CARE with category SERVICE_ATTITUDE, not NETWORK_FAULT p=0.52")
			.noneMatch((signal) -> signal.startsWith("fit:category"));
		assertThat(mostProbable.explanation().signals()).noneMatch((signal) -> signal.startsWith("fit:"));
	}

	@Test
	void anUnsureModelLeavesTheFieldToTheRules() {
		Verdict rulesAlone = decide("The internet drops every evening", Map.of());
		Verdict verdict = decide("The internet drops every evening",
				Map.of("category", new Advice("BILLING", 0.41, 0.5, List.of())));

		assertThat(verdict.category()).isEqualTo(rulesAlone.category()).isEqualTo(Category.NETWORK);
		assertThat(verdict.decidedBy().get("category")).isEqualTo("rules");
	}

	@Test
	void whereTheRulesDecideWhatTheModelSaidIsInTheExplanation() {
		Verdict verdict = decide("The internet drops every evening",
				Map.of("category",
						new Advice("BILLING", 0.414, 0.5, List.of(), "v1", new ModelReason.Next("NETWORK", 0.3)),
						"playbook", sure("NETWORK_FAULT")));

		assertThat(verdict.decidedBy()).containsEntry("category", "rules").containsEntry("playbook", "model");
		assertThat(verdict.explanation().signals()).contains("advice:category.BILLING(p=0.41, next NETWORK p=0.30)")
			.noneMatch((signal) -> signal.startsWith("advice:playbook"));
	}

	@Test
	void whereTriageIsUnsureTheNgramsBehindTheSuggestedValueAreInTheExplanation() {
		List<ModelReason.Weighed> forProduct = List.of(new ModelReason.Weighed("plan", 0.2));
		Verdict verdict = decide("The price went up again this year",
				Map.of("category",
						new Advice("BILLING", 0.42, 0, List.of(), "v1", new ModelReason.Next("PRODUCT", 0.31),
								forProduct),
						"playbook", new Advice("BILLING_ERROR", 0.93, 0, List.of(), "v1",
								new ModelReason.Next("STANDARD_CARE", 0.05), forProduct)));

		assertThat(verdict.explanation().signals()).contains("evidence:category.PRODUCT('plan' +0.20)")
			.noneMatch((signal) -> signal.startsWith("evidence:playbook"));
	}

	@Test
	void whereTheRulesDecideUnsureTheNgramsBehindTheModelsOwnValueAreInTheExplanation() {
		Verdict verdict = decide("Something about my account is off",
				Map.of("category", new Advice("BILLING", 0.3, 0.5, List.of(new ModelReason.Weighed("account", 0.12)),
						"v1", new ModelReason.Next("PRODUCT", 0.2), List.of(new ModelReason.Weighed("plan", 0.1)))));

		assertThat(verdict.decidedBy()).containsEntry("category", "rules");
		assertThat(verdict.category()).isNotEqualTo(Category.BILLING);
		assertThat(verdict.explanation().confidence().get("category")).isLessThan(0.5);
		assertThat(verdict.explanation().signals()).contains("evidence:category.BILLING('account' +0.12)")
			.noneMatch((signal) -> signal.startsWith("evidence:category.PRODUCT"));
	}

	@Test
	void theExplanationNamesTheModelWhoseAdviceWasWeighedEvenWhereTheRulesDecided() {
		String version = "2026-12-04T23:39Z-en-1500+422";
		Verdict weighed = decide("The internet drops every evening",
				Map.of("category", new Advice("BILLING", 0.41, 0.5, List.of(), version, null)));
		Verdict rulesAlone = decide("The internet drops every evening", Map.of());

		assertThat(weighed.decidedBy().get("category")).isEqualTo("rules");
		assertThat(weighed.explanation().modelVersion()).isEqualTo(version);
		assertThat(rulesAlone.explanation().modelVersion()).isNull();
	}

	@Test
	void aHardRuleWinsOverASureModel() {
		Verdict verdict = decide("There are sparks coming from the cable box outside, I am cancelling my service",
				Map.of("category", sure("BILLING"), "churnRisk", sure("LOW")));

		assertThat(verdict.category()).isEqualTo(Category.EMERGENCY);
		assertThat(verdict.churnRisk()).isEqualTo(ChurnRisk.HIGH);
		assertThat(verdict.decidedBy()).containsEntry("category", "hard-rule").containsEntry("churnRisk", "hard-rule");
		assertThat(verdict.explanation().signals()).contains("rule:category.safety-first",
				"rule:churnRisk.says-leaving", "advice:category.BILLING(p=0.93)", "advice:churnRisk.LOW(p=0.93)");
	}

	@Test
	void aSurePlaybookThatDoesNotGoWithTheCategoryAHardRuleDecidedIsLeftToTheRules() {
		Verdict verdict = decide("There are sparks coming from the cable box outside",
				Map.of("category", sure("BILLING"), "playbook", sure("BILLING_ERROR")));

		assertThat(verdict.category()).isEqualTo(Category.EMERGENCY);
		assertThat(verdict.playbook()).isNotEqualTo(Playbook.BILLING_ERROR);
		assertThat(verdict.playbook().goesWith(Category.EMERGENCY)).isTrue();
		assertThat(verdict.decidedBy().get("playbook")).isNotEqualTo("model");
		assertThat(verdict.explanation().signals()).contains("advice:playbook.BILLING_ERROR(p=0.93)");
		// a playbook that goes with the category still decides
		assertThat(decide("There are sparks coming from the cable box outside",
				Map.of("category", sure("BILLING"), "playbook", sure("STANDARD_CARE")))
			.playbook()).isEqualTo(Playbook.STANDARD_CARE);
	}

	@Test
	void laterRulesSeeTheModelsCategory() {
		Verdict verdict = decide("Something about my account is off", Map.of("category", sure("BILLING")));

		assertThat(verdict.category()).isEqualTo(Category.BILLING);
		assertThat(verdict.queue()).isEqualTo("billing-care");
	}

}
