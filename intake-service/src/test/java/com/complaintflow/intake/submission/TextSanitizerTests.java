package com.complaintflow.intake.submission;

import com.complaintflow.events.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Free text is cleaned of invisible and control characters without touching what the
 * customer wrote; the language is told from the script.
 */
class TextSanitizerTests {

	@Test
	void controlCharactersAndDirectionOverridesAreStrippedLineBreaksKept() {
		assertThat(TextSanitizer.clean(" a\u0000b\u0007c\r\nd\re\tf\u202Eg\u200Bh\uFEFF ")).isEqualTo("abc\nd\ne\tfgh");
	}

	@Test
	void textIsNormalisedToNfcAndChineseAndEmojiAreKept() {
		assertThat(TextSanitizer.clean("Cafe\u0301 宽带 寬頻 📶")).isEqualTo("Caf\u00e9 宽带 寬頻 📶");
	}

	@Test
	void onlyControlCharactersBecomeBlank() {
		assertThat(TextSanitizer.clean("\u0000\u0001 \u0002")).isEmpty();
		assertThat(TextSanitizer.clean(null)).isNull();
	}

	@Test
	void languageIsChineseWhenHanScriptCarriesTheText() {
		assertThat(LanguageDetector.detect("宽带每隔十五分钟就断一次")).isEqualTo(Language.ZH);
		assertThat(LanguageDetector.detect("寬頻每隔十五分鐘就斷線一次")).isEqualTo(Language.ZH);
		assertThat(LanguageDetector.detect("我的WiFi路由器又坏了")).isEqualTo(Language.ZH);
		assertThat(LanguageDetector.detect("My bill says 100元 but the plan is 50")).isEqualTo(Language.EN);
		assertThat(LanguageDetector.detect("12345 !!!")).isEqualTo(Language.EN);
	}

}
