package com.complaintflow.intake.submission;

import java.text.Normalizer;

/**
 * Cleans free text from channels: Unicode NFC, control characters stripped (tab and line
 * feed kept, CR LF folded to LF), invisible direction overrides removed, surrounding
 * blanks trimmed.
 */
final class TextSanitizer {

	private TextSanitizer() {
	}

	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
		StringBuilder out = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (c == '\r') {
				if (i + 1 == normalized.length() || normalized.charAt(i + 1) != '\n') {
					out.append('\n');
				}
			}
			else if (!unwanted(c)) {
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	private static boolean unwanted(char c) {
		if (c == '\n' || c == '\t') {
			return false;
		}
		return Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
				|| c == '\u200B' || c == '\uFEFF';
	}

}
