package com.complaintflow.triage.rules;

import com.complaintflow.events.Category;
import com.complaintflow.triage.text.ChineseScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese text through libraries: traditional script and Taiwan / Hong Kong words read as
 * simplified (ICU4J), a one-character term matches a word, not a character inside a
 * longer word, and a Latin term (10086, wifi) written against Chinese characters counts.
 */
class ChineseTextTests {

	private static final RuleSet RULES = RulesLoader.bundled();

	@ParameterizedTest
	@CsvSource({ "網路一直斷線, 网络一直断线", "寬頻又斷了, 宽带又断了", "簡訊一直收不到, 短信一直收不到", "帳單多扣了錢, 账单多扣了钱", "手機訊號很差, 手机信号很差",
			"plain English stays, plain English stays" })
	void traditionalScriptAndRegionalWordsReadAsSimplified(String traditional, String simplified) {
		assertThat(ChineseScript.toSimplified(traditional)).isEqualTo(simplified);
	}

	@ParameterizedTest
	@CsvSource({ "網路一直斷線，三天了, NETWORK", "寬頻又斷了，報修也沒人來, NETWORK", "帳單多扣了錢，我沒有訂過這個業務, BILLING" })
	void traditionalComplaintsAreDecidedLikeSimplifiedOnes(String text, Category category) {
		assertThat(RULES.analyze(TextAnalyzerTests.complaint(text)).category()).isEqualTo(category);
	}

	@ParameterizedTest
	@CsvSource({ "我要更换套餐, false", "帮我兑换积分, false", "再不修好我就换, true", "换了手机还是没信号, true" })
	void aOneCharacterTermMatchesOnlyAWord(String text, boolean fires) {
		assertThat(RULES.analyze(TextAnalyzerTests.complaint(text)).signals().contains("switch.intent")).as(text)
			.isEqualTo(fires);
	}

	@ParameterizedTest
	@CsvSource({ "他直接说不知道自己去网上查, false", "网页打不开，网厅也查不到, false", "家里没网了，断网三天, true", "网速太慢了, true", "網上營業廳查不到, false" })
	void theNetworkIsNotReadIntoTheWordsForOnlineAndWebsite(String text, boolean fires) {
		assertThat(RULES.analyze(TextAnalyzerTests.complaint(text)).signals().contains("network.broadband")).as(text)
			.isEqualTo(fires);
	}

	@ParameterizedTest
	@CsvSource({ "打10086投诉了三次, staff.mention, true", "已经打了12315投诉, threat.regulator, true",
			"手机wifi连不上, network.broadband, true", "打了110086投诉, staff.mention, false",
			"call 10086x now, staff.mention, false" })
	void aLatinTermBesideChineseCharactersIsAWord(String text, String signal, boolean fires) {
		assertThat(RULES.analyze(TextAnalyzerTests.complaint(text)).signals().contains(signal)).as(text)
			.isEqualTo(fires);
	}

}
