package com.complaintflow.triage.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The model never decides a playbook of one category with another (LABELLING.md section
 * 4, step 6): it takes the most probable category and playbook that fit each other, so
 * the surer field keeps its value and the other gives way.
 */
class PlaybookCategoriesTests {

	private static final String BILLING_TEXT = "They billed me twice, refund the extra charge";

	@Test
	void aPlaybookOfOneCategoryFitsOnlyThatCategory() {
		assertThat(PlaybookCategories.fit("BILLING", "BILLING_ERROR")).isTrue();
		assertThat(PlaybookCategories.fit("PRODUCT", "BILLING_ERROR")).isFalse();
		assertThat(PlaybookCategories.fit("EMERGENCY", "NETWORK_FAULT")).isTrue();
		assertThat(PlaybookCategories.fit("SERVICE_ATTITUDE", "NETWORK_FAULT")).isFalse();
		assertThat(PlaybookCategories.fit("NETWORK", "DEVICE_FAULT")).isFalse();
		assertThat(PlaybookCategories.fit("SERVICE_ATTITUDE", "STANDARD_CARE")).isTrue();
		assertThat(PlaybookCategories.fit("PRODUCT", "UNRESOLVED_IN_TIME")).isTrue();
	}

	@Test
	void thePairThatFitsIsTheMostProbableTogether() {
		List<String> categories = List.of("BILLING", "NETWORK", "SERVICE_ATTITUDE");
		List<String> playbooks = List.of("BILLING_ERROR", "NETWORK_FAULT", "STANDARD_CARE");

		// fitting already: each field's most probable
		PlaybookCategories.Fit fitting = PlaybookCategories.mostProbableFitting(categories, logs(0.7, 0.2, 0.1),
				playbooks, logs(0.6, 0.1, 0.3));
		assertThat(List.of(fitting.category(), fitting.playbook())).containsExactly(0, 0);
		// SERVICE_ATTITUDE 0.5 with NETWORK_FAULT 0.6 does not fit: NETWORK with
		// NETWORK_FAULT (0.4 x 0.6) beats SERVICE_ATTITUDE with STANDARD_CARE (0.5 x
		// 0.35)
		PlaybookCategories.Fit network = PlaybookCategories.mostProbableFitting(categories, logs(0.1, 0.4, 0.5),
				playbooks, logs(0.05, 0.6, 0.35));
		assertThat(List.of(network.category(), network.playbook())).containsExactly(1, 1);
		// the category taken states its probability given that the two fit: the pairs
		// left are BILLING with BILLING_ERROR (0.005) or STANDARD_CARE (0.035), NETWORK
		// with NETWORK_FAULT (0.24) or STANDARD_CARE (0.14), SERVICE_ATTITUDE with
		// STANDARD_CARE (0.175): NETWORK 0.38 of 0.595; the playbook, its most probable
		// alone, its own
		assertThat(network.categoryProbability()).isCloseTo(0.38 / 0.595, within(1e-9));
		assertThat(network.playbookProbability()).isCloseTo(0.6, within(1e-9));
		// the category surer, the other way round (0.3 x 0.6 against 0.6 x 0.35)
		PlaybookCategories.Fit attitude = PlaybookCategories.mostProbableFitting(categories, logs(0.1, 0.3, 0.6),
				playbooks, logs(0.05, 0.6, 0.35));
		assertThat(List.of(attitude.category(), attitude.playbook())).containsExactly(2, 2);
	}

	@Test
	void aSureCategoryTakesThePlaybookThatFitsIt() {
		// SERVICE_ATTITUDE surer than NETWORK_FAULT, the most probable playbook alone: of
		// the playbooks only STANDARD_CARE fits it
		LanguageModel model = withOffsets(Map.of("SERVICE_ATTITUDE", 2000f), Map.of("NETWORK_FAULT", 1000f));
		Map<String, Advice> alone = withOffsets(Map.of(), Map.of("NETWORK_FAULT", 1000f)).advise(BILLING_TEXT);
		assertThat(alone.get("playbook").value()).isEqualTo("NETWORK_FAULT");

		Map<String, Advice> advice = model.advise(BILLING_TEXT);

		assertThat(advice.get("category").value()).isEqualTo("SERVICE_ATTITUDE");
		Advice playbook = advice.get("playbook");
		assertThat(playbook.value()).isEqualTo("STANDARD_CARE");
		// the most probable alone is not offered next, since it does not fit the
		// category: no other playbook of the small corpus does, so the console suggests
		// none
		assertThat(model.classifiers().get("playbook").classes()).contains("NETWORK_FAULT", "BILLING_ERROR");
		assertThat(playbook.next()).isNull();
		// stated given that the two fit: the only pair left is SERVICE_ATTITUDE with
		// STANDARD_CARE, which alone is all but ruled out
		double[] p = model.classifiers().get("playbook").probabilities(model.features(BILLING_TEXT));
		assertThat(p[model.classifiers().get("playbook").classes().indexOf("STANDARD_CARE")]).isLessThan(0.01);
		assertThat(playbook.probability()).isCloseTo(1.0, within(1e-6));
		assertThat(playbook.alone().value()).isEqualTo("NETWORK_FAULT");
		assertThat(advice.get("category").alone()).isNull();
	}

	@Test
	void aSurePlaybookTakesTheCategoryItBelongsTo() {
		// a billing text, NETWORK_FAULT certain: the category gives way to NETWORK
		LanguageModel model = withOffsets(Map.of(), Map.of("NETWORK_FAULT", 1000f));
		assertThat(withOffsets(Map.of(), Map.of()).advise(BILLING_TEXT).get("category").value()).isEqualTo("BILLING");

		Map<String, Advice> advice = model.advise(BILLING_TEXT);

		assertThat(advice.get("playbook").value()).isEqualTo("NETWORK_FAULT");
		assertThat(advice.get("category").value()).isEqualTo("NETWORK");
		assertThat(advice.get("category").next().value()).isEqualTo("BILLING");
		assertThat(advice.get("category").alone().value()).isEqualTo("BILLING");
		assertThat(advice.get("playbook").alone()).isNull();
		assertThat(advice.get("category").evidence()).isEqualTo(model.classifiers()
			.get("category")
			.evidence(model.features(BILLING_TEXT), model.classifiers().get("category").classes().indexOf("NETWORK")));
	}

	/** The small corpus's English model with offsets on some categories and playbooks. */
	private static LanguageModel withOffsets(Map<String, Float> category, Map<String, Float> playbook) {
		LanguageModel trained = SmallCorpus.model(Language.EN);
		Map<String, FieldClassifier> classifiers = new LinkedHashMap<>();
		trained.classifiers().forEach((field, classifier) -> {
			Map<String, Float> offsets = switch (field) {
				case "category" -> category;
				case "playbook" -> playbook;
				default -> Map.of();
			};
			float[] vector = classifier.offsets();
			offsets.forEach((value, offset) -> vector[classifier.classes().indexOf(value)] += offset);
			classifiers.put(field, classifier.calibrated(classifier.temperature(), classifier.threshold(), vector));
		});
		return new LanguageModel(Language.EN, "test", trained.scheme(), trained.vocabulary(), classifiers);
	}

	private static double[] logs(double... p) {
		double[] logs = new double[p.length];
		for (int i = 0; i < p.length; i++) {
			logs[i] = Math.log(p[i]);
		}
		return logs;
	}

}
