package com.complaintflow.followup.cases;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The words search's tokens: what a complaint stores and what a query must match.
 */
class SearchTermsTests {

	@Test
	void chineseTextStoresOverlappingPairsAndLatinWordsWhole() {
		assertThat(SearchTerms.of("宽带每15分钟掉线, Router LIGHTS")).containsExactlyInAnyOrder("15", "router", "lights", "宽带",
				"带每", "分钟", "钟掉", "掉线");
	}

	@Test
	void aQueryPhraseMatchesTheTextItOccursIn() {
		List<String> stored = SearchTerms.of("宽带每15分钟掉线一次", "your network is bad");
		for (String query : List.of("掉线", "分钟掉线", "掉线一次", "宽带", "NETWORK bad", "ｎｅｔｗｏｒｋ")) {
			assertThat(stored).as(query).containsAll(SearchTerms.query(query));
		}
		assertThat(stored).containsAll(SearchTerms.query("钟掉线")).as("odd length: the last pair overlaps");
		assertThat(stored).doesNotContainAnyElementsOf(SearchTerms.query("停机"));
	}

	@Test
	void singleLettersAndPunctuationAreNoTermsAndStoredTermsAreBounded() {
		assertThat(SearchTerms.query("a , ! ?")).isEmpty();
		assertThat(SearchTerms.query("x".repeat(100))).containsExactly("x".repeat(32));
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			many.append("w").append(i).append(' ');
		}
		assertThat(SearchTerms.of(many.toString())).hasSize(SearchTerms.MAX_STORED);
	}

}
