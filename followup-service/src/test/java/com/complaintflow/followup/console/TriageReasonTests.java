package com.complaintflow.followup.console;

import java.util.List;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.Emotion;
import com.complaintflow.events.Nature;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.RootCauseLayer;
import com.complaintflow.followup.cases.TriageFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reasons an agent reads are triage's explanation put plainly: the model's n-grams
 * become the customer's words they lie in, a rules signal its matched word, a rule's or
 * default's decision says so, and so does a value the model took to fit the other field.
 */
class TriageReasonTests {

	/** The signals of a real decision (triage 2026-12-06, the console's case picture). */
	private static final List<String> SIGNALS = List.of("signal:network.internet_down('drops every')",
			"signal:network.broadband('broadband')", "signal:emotion.anxiety('work from home')",
			"model:category.NETWORK(p=0.87>=0.00; 'oad' +0.18, 'rop' +0.15, 'broadband drops' +0.13)",
			"model:emotion.ANXIETY(p=0.73>=0.00; 'signal:emotion.anxiety' +1.51, 'signal:network.broadband' +0.42, 'ome' +0.29)",
			"model:rootCause.UNKNOWN(p=0.78>=0.00; 'work' +0.18, 'ork' +0.18, 'ome' +0.15)",
			"model:churnRisk.LOW(p=0.87>=0.00; 'signal:emotion.anxiety' +0.13, '0 m' +0.12, 'y 0' +0.12)",
			"rule:nature.explicit-fault", "model:persona.VENTING(p=0.65>=0.00; 'near leaving: switch' +0.52)",
			"model:playbook.NETWORK_FAULT(p=0.91>=0.45; 'broadband drops' +0.22, 'drop' +0.15, 'dro' +0.14)",
			"rule:priority.service-down", "rule:queue.network", "remedies:network");

	private static final String TEXT = "Broadband drops every 15 minutes since this morning, I work from home. "
			+ "I will switch if it goes on.";

	@Test
	void theModelsNgramsAreShownAsTheCustomersWords() {
		List<TriageReason> reasons = TriageReason.of(facts(SIGNALS), Category.NETWORK, Playbook.NETWORK_FAULT, TEXT);

		assertThat(reasons)
			.extracting(TriageReason::field, TriageReason::value, TriageReason::source, TriageReason::percent,
					TriageReason::rule)
			.containsExactly(tuple("category", "NETWORK", "model", 87, null),
					tuple("playbook", "NETWORK_FAULT", "model", 91, null),
					tuple("persona", "VENTING", "model", 65, null), tuple("emotion", "ANXIETY", "model", 73, null),
					tuple("churnRisk", "LOW", "model", 87, null),
					tuple("nature", "VALID", "rule", null, "explicit-fault"),
					tuple("rootCause", "UNKNOWN", "model", 78, null));
		// a phrase replaces the words it holds, and holds the words after it
		assertThat(reasons.get(0).words()).containsExactly("Broadband drops");
		assertThat(reasons.get(1).words()).containsExactly("Broadband drops");
		assertThat(reasons.get(2).words()).containsExactly("switch");
		assertThat(reasons.get(3).words()).containsExactly("work from home", "broadband");
		// "0 m" is a folded number across two words: no word of the text
		assertThat(reasons.get(4).words()).containsExactly("work from home");
		assertThat(reasons.get(5).words()).isEmpty();
		// each field its own words: "ork" lies in "work", "ome" in "home"
		assertThat(reasons.get(6).words()).containsExactly("work", "home");
		assertThat(TriageReason.recognised(facts(SIGNALS))).containsExactly("drops every", "broadband",
				"work from home");
	}

	@Test
	void chineseNgramsAreShownAsTheyAreAndADefaultSaysSo() {
		List<String> signals = List.of("model:category.BILLING(p=0.55>=0.20; '扣费' +0.31, '。' +0.2, '話費' +0.1)",
				"default:playbook.byCategory.BILLING", "fallback:persona");

		List<TriageReason> reasons = TriageReason.of(facts(signals), Category.BILLING, Playbook.BILLING_ERROR,
				"无故扣費，話費不对");

		assertThat(reasons).extracting(TriageReason::field, TriageReason::source)
			.containsExactly(tuple("category", "model"), tuple("playbook", "default"), tuple("persona", "fallback"));
		assertThat(reasons.get(0).words()).containsExactly("扣费", "話費");
	}

	@Test
	void aFieldTheRulesDecidedCarriesWhatTheModelSaidOfIt() {
		List<String> signals = List.of("model:category.BILLING(p=0.55>=0.20; '扣费' +0.31)", "rule:playbook.billing",
				"fallback:persona", "advice:playbook.STANDARD_CARE(p=0.384, next BILLING_ERROR p=0.30)",
				"advice:category.PRODUCT(p=0.2)");

		List<TriageReason> reasons = TriageReason.of(facts(signals), Category.BILLING, Playbook.BILLING_ERROR, "无故扣費");

		assertThat(reasons.get(1).advice().value()).isEqualTo("STANDARD_CARE");
		assertThat(reasons.get(1).advicePercent()).isEqualTo(38);
		// the model decided category: its reason stands, no advice; persona had none
		assertThat(reasons.get(0).advice()).isNull();
		assertThat(reasons.get(2).advice()).isNull();
	}

	@Test
	void aPlaybookTheModelTookToFitTheCategoryNamesItsFirstChoiceAlone() {
		List<String> signals = List.of("model:category.SERVICE_ATTITUDE(p=0.98>=0.00; '态度' +0.72)",
				"model:playbook.STANDARD_CARE(p=0.61>=0.00, next NETWORK_FAULT p=0.42; '子' +0.09)",
				"fit:playbook.STANDARD_CARE with category SERVICE_ATTITUDE, not NETWORK_FAULT p=0.42");

		List<TriageReason> reasons = TriageReason.of(facts(signals), Category.SERVICE_ATTITUDE, Playbook.STANDARD_CARE,
				"营业厅的小伙子态度特别差");

		assertThat(reasons.get(1).fit().alone().value()).isEqualTo("NETWORK_FAULT");
		assertThat(reasons.get(1).fitAlonePercent()).isEqualTo(42);
		assertThat(reasons.get(1).fit().otherValue()).isEqualTo("SERVICE_ATTITUDE");
		assertThat(reasons.get(0).fit()).isNull();
	}

	@Test
	void anErasedOrUnexplainedDecisionShowsNoReasons() {
		assertThat(TriageReason.of(facts(List.of()), Category.NETWORK, Playbook.NETWORK_FAULT, null)).isEmpty();
		assertThat(TriageReason.of(null, Category.NETWORK, Playbook.NETWORK_FAULT, TEXT)).isEmpty();
		assertThat(TriageReason.recognised(null)).isEmpty();
		// the words of an n-gram are found only in a text
		assertThat(TriageReason.of(facts(SIGNALS), Category.NETWORK, Playbook.NETWORK_FAULT, null).get(0).words())
			.isEmpty();
	}

	@Test
	void anNgramBecomesTheWordItLiesIn() {
		assertThat(TriageReason.inText("oad", "My BROADBAND is down")).isEqualTo("BROADBAND");
		assertThat(TriageReason.inText("n't", "it don't work")).isEqualTo("don't");
		assertThat(TriageReason.inText(" a ", "a bill")).isNull();
		assertThat(TriageReason.inText("xyz", "a bill")).isNull();
		assertThat(TriageReason.inText("ill", "x".repeat(50) + "ill")).isEqualTo("ill");
		// a Latin word ends where Chinese characters begin
		assertThat(TriageReason.inText("4g", "我的4G网络很慢")).isEqualTo("4G");
	}

	private static TriageFacts facts(List<String> signals) {
		return new TriageFacts(Nature.VALID, Persona.VENTING, Emotion.ANXIETY, ChurnRisk.LOW, RootCauseLayer.UNKNOWN,
				false, 0, "2026.12.05", "2026-12-04T23:39Z-en-1500+422", signals, List.of());
	}

}
