package com.complaintflow.triage.model.training;

import java.util.LinkedHashMap;
import java.util.Map;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The static embedding experiment: a text's tokens (folded as the n-grams fold it), a
 * rare token weighing more than a frequent one in the text's vector, and an unknown token
 * kind refused.
 */
class StaticEmbeddingTests {

	@Test
	void aTextIsSplitIntoItsFoldedWordsOrChineseCharacters() {
		assertThat(StaticEmbedding.tokens("Don't CANCEL my plan!", Language.EN, "words")).containsExactly("don't",
				"cancel", "my", "plan");
		assertThat(StaticEmbedding.tokens("换卡了！", Language.ZH, "chars")).containsExactly("换", "卡", "了");
		assertThat(StaticEmbedding.tokens("網路斷了", Language.ZH, "chars"))
			.as("read as the n-grams read it: simplified, Taiwan words too")
			.containsExactly("网", "络", "断", "了");
	}

	@Test
	void aRareTokenWeighsMoreThanAFrequentOne() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("one", "a a a b");
		texts.put("two", "a");

		Map<String, float[]> vectors = StaticEmbedding.distil(
				(token) -> token.equals("a") ? new float[] { 1, 0 } : new float[] { 0, 1 }, texts, Language.EN,
				"words");

		float[] one = vectors.get("one");
		assertThat(one[1]).as("b once outweighs a three times").isGreaterThan(one[0]);
		assertThat(vectors.get("two")[1]).isZero();
	}

	@Test
	void aTokenKindOtherThanWordsOrCharsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StaticEmbedding.distil((token) -> new float[] { 1 }, Map.of("one", "a"), Language.EN,
					"sentences"))
			.withMessageContaining("words or chars");
	}

}
