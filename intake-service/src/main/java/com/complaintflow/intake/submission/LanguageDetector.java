package com.complaintflow.intake.submission;

import com.complaintflow.events.Language;

/**
 * Tells Chinese (simplified or traditional) from English by script: Han characters carry
 * about three Latin letters' worth of text each.
 */
final class LanguageDetector {

	private LanguageDetector() {
	}

	static Language detect(String text) {
		int han = 0;
		int latin = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
			if (script == Character.UnicodeScript.HAN) {
				han++;
			}
			else if (script == Character.UnicodeScript.LATIN) {
				latin++;
			}
			i += Character.charCount(codePoint);
		}
		return (han > 0 && han * 3 >= latin) ? Language.ZH : Language.EN;
	}

}
