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
	void textIsNormalisedAfterTheInvisibleCharactersAreStripped() {
		// a zero-width space between a letter and its accent kept them apart through NFC
		assertThat(TextSanitizer.clean("e\u200B\u0301")).isEqualTo("\u00e9");
		assertThat(TextSanitizer.clean("Cafe\u202E\u0301")).isEqualTo("Caf\u00e9");
	}

	@Test
	void onlyLettersDigitsAndSymbolsMakeATextVisible() {
		VisibleTextValidator validator = new VisibleTextValidator();
		for (String invisible : new String[] { "\u00A0\u2060", "\u2007\u202F", "\u200C\u200D", "\u00AD", "\u3164",
				"\u115F\u1160\uFFA0", "\u2800", "\u0301", "\uFE0F" }) {
			assertThat(validator.isValid(TextSanitizer.clean(invisible), null)).as("U+%04X", (int) invisible.charAt(0))
				.isFalse();
		}
		for (String visible : new String[] { "x", "宽", "7", "📶", "€", "\u00A0a\u2060", "\u3164ㅋ" }) {
			assertThat(validator.isValid(TextSanitizer.clean(visible), null)).as(visible).isTrue();
		}
		assertThat(validator.isValid("", null)).isTrue();
		assertThat(validator.isValid(null, null)).isTrue();
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
