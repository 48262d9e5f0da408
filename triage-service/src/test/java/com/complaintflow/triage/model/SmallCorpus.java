package com.complaintflow.triage.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.training.LabelledExample;
import com.complaintflow.triage.model.training.ModelTrainer;
import com.complaintflow.triage.model.training.Scoring;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesLoader;

/**
 * A small labelled corpus made up for model tests (no ../shared data needed): invented
 * texts for a few categories and playbooks in English and Chinese, and a model trained on
 * it.
 */
final class SmallCorpus {

	static final RuleSet RULES = RulesLoader.bundled();

	private static final String[][] EN = {
			{ "BILLING", "BILLING_ERROR", "my bill has a charge i never ordered, the fee is wrong",
					"they billed me twice this month, refund the overcharge", "invoice shows an extra charge again" },
			{ "NETWORK", "NETWORK_FAULT", "the internet keeps dropping every evening, no connection",
					"modem online but the connection drops and speed is slow",
					"service outage all day, internet down" },
			{ "SERVICE_ATTITUDE", "STANDARD_CARE", "the representative was rude and laughed at me",
					"agent was condescending and insulting on the phone", "the rep yelled at me and was rude" } };

	private static final String[][] ZH = {
			{ "BILLING", "BILLING_ERROR", "话费多扣了二十块，我没有订过这个业务", "账单上莫名其妙多了一笔扣费", "这个月扣费不对，多收了钱" },
			{ "NETWORK", "NETWORK_FAULT", "家里宽带老是断网，网速特别慢", "手机没有信号，打电话总是掉线", "今天一直断网，网络连不上" },
			{ "SERVICE_ATTITUDE", "STANDARD_CARE", "营业员态度恶劣，爱理不理", "客服说话很冲，还挂我电话", "工作人员对我大吼大叫，很没礼貌" } };

	private SmallCorpus() {
	}

	/** About 30 labelled texts per language, each a mix of one class's phrases. */
	static List<LabelledExample> examples(Language language) {
		String[][] source = (language == Language.ZH) ? ZH : EN;
		Random random = new Random(7);
		List<LabelledExample> examples = new ArrayList<>();
		for (String[] group : source) {
			for (int i = 0; i < 12; i++) {
				String text = group[2 + random.nextInt(3)] + ((language == Language.ZH) ? "。" : ". ")
						+ group[2 + random.nextInt(3)];
				Map<String, String> labels = new LinkedHashMap<>();
				labels.put("category", group[0]);
				labels.put("playbook", group[1]);
				labels.put("churnRisk", (i % 4 == 0) ? "MEDIUM" : "LOW");
				labels.put("nature", "VALID");
				labels.put("emotion", group[0].equals("SERVICE_ATTITUDE") ? "ANGER" : "NEUTRAL");
				labels.put("rootCause", "OPERATOR_SIDE");
				labels.put("persona", group[0].equals("BILLING") ? "COMPENSATION_SEEKING" : "VENTING");
				examples.add(new LabelledExample("small", language + "-" + examples.size(), language, text, labels,
						Map.of(), true, "test"));
			}
		}
		return examples;
	}

	/** A model trained on the small corpus. */
	static LanguageModel model(Language language) {
		ModelTrainer trainer = new ModelTrainer(new ModelTrainer.Options(10_000, 1, Map.of("*", 4.0), 3, 42));
		List<ModelTrainer.Doc> docs = examples(language).stream()
			.map((example) -> ModelTrainer.Doc.of(example, Scoring.rules(RULES, example)))
			.toList();
		return trainer.train(language, docs, "test-" + language);
	}

}
