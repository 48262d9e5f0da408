package com.complaintflow.triage.model;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.triage.rules.Advice;
import com.complaintflow.triage.text.ChineseScript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The shortcuts of a decision give what the plain computation gives: the vocabulary's
 * table finds every n-gram and nothing else, one pass's advice equals each classifier's
 * own softmax (the category and playbook the most probable pair that fits, the playbook's
 * next value one that fits too), evidence comes with the fields the model decides, and
 * the remembered script conversion returns what a fresh one would.
 */
class InferenceTests {

	@Test
	void theVocabularyFindsEveryHashAtItsIndexAndNothingElse() {
		long[] hashes = new long[5000];
		java.util.Random random = new java.util.Random(7);
		for (int i = 0; i < hashes.length; i++) {
			hashes[i] = (i < 3) ? new long[] { 0, -1, Long.MIN_VALUE }[i] : random.nextLong();
		}
		Vocabulary vocabulary = new Vocabulary(hashes);

		for (int i = 0; i < hashes.length; i++) {
			assertThat(vocabulary.indexOf(hashes[i])).isEqualTo(i);
		}
		assertThat(vocabulary.indexOf(12345L)).isEqualTo(-1);
		assertThat(vocabulary.indexOf(NgramFeatures.hash("w:never-seen"))).isEqualTo(-1);
		assertThat(new Vocabulary(new long[0]).indexOf(0)).isEqualTo(-1);
		assertThatThrownBy(() -> new Vocabulary(new long[] { 42, 7, 42 })).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("duplicate");
	}

	@Test
	void oneNgramPassAdvisesAsEachClassifierAlone() {
		for (Language language : List.of(Language.EN, Language.ZH)) {
			LanguageModel model = SmallCorpus.model(language);
			for (String text : List.of("They billed me twice, refund the extra charge",
					"No signal at home for three days", "宽带老是断网，网速很慢", "这个月账单多扣了十五块，马上退钱", "")) {
				Map<String, Advice> advice = model.advise(text);
				SparseVector x = model.features(text);
				PlaybookCategories.Fit fit = fittingPair(model, x);
				model.classifiers().forEach((field, classifier) -> {
					double[] p = classifier.probabilities(x);
					int alone = FieldClassifier.best(p);
					int best = alone;
					double probability = p[alone];
					if ("category".equals(field) && fit.category() != alone) {
						best = fit.category();
						probability = fit.categoryProbability();
					}
					if ("playbook".equals(field) && fit.playbook() != alone) {
						best = fit.playbook();
						probability = fit.playbookProbability();
					}
					Advice one = advice.get(field);
					assertThat(one.value()).as(field + " of " + text).isEqualTo(classifier.classes().get(best));
					assertThat(one.probability()).as(field + " of " + text).isCloseTo(probability, within(1e-12));
					// the next value is the second most probable, with its probability;
					// the playbook's the second most probable that fits the category
					int chosen = best;
					String category = advice.get("category").value();
					int second = IntStream.range(0, p.length)
						.filter((value) -> value != chosen)
						.filter((value) -> !"playbook".equals(field)
								|| PlaybookCategories.fit(category, classifier.classes().get(value)))
						.boxed()
						.max(Comparator.comparingDouble((Integer value) -> p[value]))
						.orElseThrow();
					assertThat(one.next().value()).as(field + " of " + text)
						.isEqualTo(classifier.classes().get(second));
					assertThat(one.next().probability()).as(field + " of " + text).isCloseTo(p[second], within(1e-12));
					// the evidence of the first value, and of the next where the console
					// may
					// suggest it (a field staff check, the model unsure or not deciding)
					assertThat(one.evidence()).as(field + " of " + text).isEqualTo(classifier.evidence(x, best));
					boolean suggestible = DecisionCorrected.FIELDS.containsKey(field)
							&& (!one.decides() || Explanation.unsure(one.probability()));
					assertThat(one.nextEvidence()).as(field + " of " + text)
						.isEqualTo(suggestible ? classifier.evidence(x, second) : List.of());
				});
			}
		}
	}

	/** The category and playbook the model decides: the most probable pair that fits. */
	private static PlaybookCategories.Fit fittingPair(LanguageModel model, SparseVector x) {
		FieldClassifier category = model.classifiers().get("category");
		FieldClassifier playbook = model.classifiers().get("playbook");
		return PlaybookCategories.mostProbableFitting(category.classes(), logOf(category.probabilities(x)),
				playbook.classes(), logOf(playbook.probabilities(x)));
	}

	private static double[] logOf(double[] p) {
		return java.util.Arrays.stream(p).map(Math::log).toArray();
	}

	@Test
	void aDecidingFieldNamesItsEvidence() {
		Advice category = SmallCorpus.model(Language.EN)
			.advise("They billed me twice, refund the extra charge")
			.get("category");

		assertThat(category.decides()).isTrue();
		assertThat(category.evidence()).isNotEmpty();
	}

	@Test
	void aFieldTheModelDoesNotDecideCarriesTheEvidenceOfItsTwoFirstValues() {
		LanguageModel trained = SmallCorpus.model(Language.EN);
		// every field's threshold out of reach: the rules decide, the console may
		// suggest either of the model's two first values
		Map<String, FieldClassifier> undecided = new LinkedHashMap<>();
		trained.classifiers()
			.forEach((field, classifier) -> undecided.put(field,
					classifier.calibrated(classifier.temperature(), 1.01, classifier.offsets())));
		LanguageModel model = new LanguageModel(Language.EN, "test", trained.scheme(), trained.vocabulary(), undecided);
		String text = "They billed me twice, refund the extra charge";

		Advice category = model.advise(text).get("category");
		Advice emotion = model.advise(text).get("emotion");

		assertThat(category.decides()).isFalse();
		assertThat(category.evidence()).isNotEmpty();
		assertThat(category.nextEvidence()).isNotEmpty()
			.isEqualTo(model.classifiers()
				.get("category")
				.evidence(model.features(text),
						model.classifiers().get("category").classes().indexOf(category.next().value())));
		// a field staff never check: no suggestion, so no evidence for its next value
		assertThat(emotion.nextEvidence()).isEmpty();
	}

	@Test
	void theRememberedConversionIsTheFreshOne() {
		String traditional = "網路一直斷線，寬頻也不行";
		String other = "帳單又錯了";

		String first = ChineseScript.toSimplified(traditional);
		assertThat(ChineseScript.toSimplified(traditional)).isEqualTo(first).isEqualTo("网络一直断线，宽带也不行");
		assertThat(ChineseScript.toSimplified(other)).isEqualTo("账单又错了");
		assertThat(ChineseScript.toSimplified(traditional)).isEqualTo(first);
		assertThat(ChineseScript.toSimplified("no han here")).isEqualTo("no han here");
	}

}
