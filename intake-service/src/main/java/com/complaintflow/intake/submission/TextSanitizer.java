package com.complaintflow.intake.submission;

import java.text.Normalizer;

/**
 * Cleans free text from channels: control characters stripped (tab and line feed kept, CR
 * LF folded to LF), invisible direction overrides removed, then Unicode NFC (so a mark a
 * stripped character held apart composes), surrounding blanks trimmed.
 */
final class TextSanitizer {

	private TextSanitizer() {
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
					out.append('\n');
				}
			}
			else if (!unwanted(c)) {
				out.append(c);
			}
		}
		return Normalizer.normalize(out, Normalizer.Form.NFC).strip();
	}

	private static boolean unwanted(char c) {
		if (c == '\n' || c == '\t') {
			return false;
		}
		return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
				|| c == '\u200B' || c == '\uFEFF';
	}

}
