package com.complaintflow.triage.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * N-grams as the issue asks (Chinese characters 1-3; English words 1-2 and characters
 * 3-5), hashes that match their names, script folding, the rules signals as features, and
 * bounded time on any text.
 */
class NgramFeaturesTests {

	private static List<String> names(NgramFeatures scheme, String raw) {
		String folded = NgramFeatures.fold(raw);
		List<String> names = new ArrayList<>();
		scheme.forEach(folded, (hash, start, end, word) -> {
			String name = NgramFeatures.name(folded, start, end, word);
			assertThat(NgramFeatures.hash(name)).as(name).isEqualTo(hash);
			names.add(name);
		});
		return names;
	}

	@Test
	void chineseTakesCharacterOneToThreeGramsInSimplifiedScript() {
		assertThat(names(NgramFeatures.ZH, "網路斷")).containsExactlyInAnyOrder("c:网", "c:网络", "c:网络断", "c:络", "c:络断",
				"c:断");
	}

	@Test
	void englishTakesWordsOneToTwoAndCharactersThreeToFive() {
		List<String> names = names(NgramFeatures.EN, "No signal!");

		assertThat(names).contains("w:no", "w:signal", "w:no signal", "c:no s", "c:sig", "c:signa", "c:al!");
		assertThat(names).noneMatch((name) -> name.equals("c:no") || name.equals("c:signal"));
	}

	@Test
	void foldingUnifiesWidthCaseDigitsAndScript() {
		assertThat(NgramFeatures.fold("ＢＩＬＬ  $89.99\n寬頻簡訊")).isEqualTo("bill $00.00 宽带短信");
	}

	@Test
	void knownRulesSignalsAreFeaturesAfterTheNgrams() {
		Vocabulary vocabulary = new Vocabulary(new long[] { NgramFeatures.hash("w:cancel"),
				NgramFeatures.signalHash("churn.leave"), NgramFeatures.signalHash("category.billing") });

		SparseVector x = SparseVector.of("Cancel it", List.of("churn.leave", "churn.leave", "unknown.signal"),
				NgramFeatures.EN, vocabulary);

		assertThat(x.ids()).containsExactly(0, 1);
		assertThat(x.values()[1]).isEqualTo(SparseVector.SIGNAL_VALUE);
		assertThat(x.ngram(0)).isEqualTo("cancel");
		assertThat(x.ngram(1)).isEqualTo("signal:churn.leave");
	}

	@Test
	void anyTextIsDecidedInBoundedTime() {
		LanguageModel model = SmallCorpus.model(Language.EN);
		StringBuilder huge = new StringBuilder();
		while (huge.length() < 2_000_000) {
			huge.append("bill 账单 \uD83D\uDE00 ÿ\u0000 ").append(huge.length());
		}

		// a guard against reading the whole text (the model reads its first 2,500
		// characters)
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> model.advise(huge.toString()));
		assertThat(model.advise("").get("category")).isNotNull();
	}

}
