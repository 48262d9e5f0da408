package com.complaintflow.triage.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut that skips the traditional-to-simplified transliteration: it skips only
 * text the transliterator would leave as it is, and it does skip plain simplified text.
 */
class TransliterationTriggersTests {

	private static final String[][] RULES = rules();

	@Test
	void everyRuleInputIsConvertedAsTheTransliteratorAloneConvertsIt() {
		for (String[] rule : RULES) {
			for (String text : List.of(rule[0], "我的" + rule[0] + "了", rule[1], "他说" + rule[1])) {
				assertThat(ChineseScript.toSimplified(text)).as(text).isEqualTo(withRegionalWords(text));
			}
		}
	}

	@Test
	void aTextTheShortcutSkipsIsOneTheTransliteratorLeavesAsItIs() {
		Random random = new Random(7);
		StringBuilder pool = new StringBuilder("的了我是不在有这个宽带网络信号话费套餐流量客服投诉");
		for (String[] rule : RULES) {
			pool.append(rule[0]).append(rule[1]);
		}
		int skipped = 0;
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(12);
			for (int c = 0; c < length; c++) {
				text.append(pool.charAt(random.nextInt(pool.length())));
			}
			String candidate = text.toString();
			if (!ChineseScript.triggers().mayChange(candidate)) {
				skipped++;
				assertThat(ChineseScript.transliterate(candidate)).as(candidate).isEqualTo(candidate);
			}
		}
		assertThat(skipped).isGreaterThan(1_000);
	}

	@ParameterizedTest
	@ValueSource(strings = { "我的宽带又断了三天，客服一直不处理", "话费多扣了五十块，要求退还", "Plain English text" })
	void simplifiedTextIsNotTransliterated(String text) {
		assertThat(ChineseScript.triggers().mayChange(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "網路一直斷線", "寬頻又斷了", "祇要能修好就行" })
	void traditionalTextIsTransliterated(String text) {
		assertThat(ChineseScript.triggers().mayChange(text)).isTrue();
	}

	@Test
	void rulesInAnotherFormMakeEveryTextACandidate() {
		TransliterationTriggers triggers = TransliterationTriggers.of("a } b > c;\n");
		assertThat(triggers.mayChange("x")).isTrue();
	}

	@Test
	void theTriggersAreReadFromTheRules() {
		TransliterationTriggers triggers = TransliterationTriggers.of("丟 > 丢;\n飛 > 飞;\n于飛 > 于飞;\n祇要 > 只要;\n于思 > 于思;\n");
		assertThat(triggers.mayChange("丟了")).isTrue();
		assertThat(triggers.mayChange("祇要")).isTrue();
		assertThat(triggers.mayChange("于思")).isFalse();
		assertThat(triggers.mayChange("祇")).isFalse();
		assertThat(triggers.mayChange("于飛")).isTrue();
		assertThat(triggers.size()).as("丟, 飛 and 祇要; 于飛 is covered by 飛").isEqualTo(3);
	}

	private static String withRegionalWords(String text) {
		return ChineseScript.regionalWords(ChineseScript.transliterate(text));
	}

	private static String[][] rules() {
		List<String[]> rules = new ArrayList<>();
		for (String line : Transliterator.getInstance("Traditional-Simplified").toRules(false).split("\n")) {
			String[] parts = line.strip().replace(";", "").split(" > ");
			if (parts.length == 2) {
				rules.add(parts);
			}
		}
		return rules.toArray(String[][]::new);
	}

}
