package com.complaintflow.triage.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * N-grams as the issue asks (Chinese characters 1-3; English words 1-2 and characters
 * 3-5), the windows around words of leaving, hashes that match their names, script
 * folding, the rules signals as features, and bounded time on any text.
 */
class NgramFeaturesTests {

	/** The plain n-grams' names, each checked against the hash reported. */
	private static List<String> names(NgramFeatures scheme, String raw) {
		return names(scheme, raw, false);
	}

	/** The cue windows' n-grams' names, each checked against the hash reported. */
	private static List<String> cueNames(NgramFeatures scheme, String raw) {
		return names(scheme, raw, true);
	}

	private static List<String> names(NgramFeatures scheme, String raw, boolean cues) {
		String folded = NgramFeatures.fold(raw);
		List<String> names = new ArrayList<>();
		NgramFeatures.Sink sink = (hash, start, end, word) -> {
			String name = cues ? NgramFeatures.cueName(folded, start, end, word)
					: NgramFeatures.name(folded, start, end, word);
			assertThat(NgramFeatures.hash(name)).as(name).isEqualTo(hash);
			names.add(name);
		};
		NgramFeatures.Sink ignored = (hash, start, end, word) -> {
		};
		scheme.forEach(folded, cues ? ignored : sink, cues ? sink : ignored);
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
	void englishCueWindowsTakeTheWordsAroundAWordOfLeaving() {
		List<String> names = cueNames(NgramFeatures.EN_CUES,
				"one two three four five six seven eight nine ten we were told to cancel the account by friday");

		// six words either side of "cancel": from "nine" to the end
		assertThat(names).contains("x:cancel", "x:to cancel", "x:cancel the", "x:nine", "x:nine ten", "x:friday")
			.doesNotContain("x:eight", "x:eight nine");
		assertThat(cueNames(NgramFeatures.EN_CUES, "the bill doubled again")).isEmpty();
		assertThat(cueNames(NgramFeatures.EN, "i will cancel")).isEmpty();
	}

	@Test
	void chineseCueWindowsTakeTheCharactersAroundATermOfLeaving() {
		List<String> names = cueNames(NgramFeatures.ZH_CUES, "一二三四五六七八宽带太慢我要转網了");

		// six characters either side of 转网 (traditional 網 folded): from 宽 to the end
		assertThat(names).contains("x:转", "x:转网", "x:要转", "x:了", "x:宽", "x:宽带").doesNotContain("x:八", "x:八宽");
		assertThat(cueNames(NgramFeatures.ZH_CUES, "宽带太慢")).isEmpty();
	}

	@Test
	void theWiderChineseListIsASchemeOfItsOwnSoAnOlderModelReadsAsItWasTrained() {
		String text = "信号这么差，以后不想用联通了";

		assertThat(cueNames(NgramFeatures.ZH_CUES_2, text)).contains("x:不想", "x:想用", "x:以后", "x:了")
			.doesNotContain("x:信号");
		assertThat(cueNames(NgramFeatures.ZH_CUES, text)).isEmpty();
		assertThat(cueNames(NgramFeatures.ZH_CUES_2, "我要转网")).isEqualTo(cueNames(NgramFeatures.ZH_CUES, "我要转网"));
	}

	@Test
	void theCueWindowsAreABlockNormalisedOnItsOwnAndNamedAsSuch() {
		String text = "I was billed twice for the modem rental and the agent could not explain it. "
				+ "I am cancelling the account.";
		String folded = NgramFeatures.fold(text);
		List<Long> hashes = new ArrayList<>();
		NgramFeatures.EN_CUES.forEach(folded, (hash, start, end, word) -> hashes.add(hash));
		Vocabulary vocabulary = new Vocabulary(hashes.stream().distinct().mapToLong(Long::longValue).toArray());

		SparseVector x = SparseVector.of(text, NgramFeatures.EN_CUES, vocabulary);
		SparseVector plain = x.withoutCues();

		assertThat(x.cues()).isEqualTo(plain.ids().length).isLessThan(x.ids().length);
		assertThat(plain.ids()).containsExactly(Arrays.copyOf(x.ids(), x.cues()));
		assertThat(squares(x.values(), 0, x.cues())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(squares(x.values(), x.cues(), x.ids().length)).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(x.ngram(x.cues())).startsWith("near leaving: ");
		assertThat(x.ngram(0)).doesNotStartWith("near leaving");
	}

	private static double squares(double[] values, int from, int to) {
		double sum = 0;
		for (int k = from; k < to; k++) {
			sum += values[k] * values[k];
		}
		return sum;
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
