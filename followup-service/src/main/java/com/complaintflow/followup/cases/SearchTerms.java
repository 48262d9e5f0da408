package com.complaintflow.followup.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The tokens the words search matches, the same for stored complaints and queries: text
 * is NFKC-normalised and lower-cased; a run of letters or digits of an alphabetic script
 * is one term (two characters or more); a run of Chinese, Japanese or Korean characters
 * gives its overlapping two-character pieces when stored, and non-overlapping ones when
 * queried, so any contiguous phrase of the text finds it. Stored terms are plain strings
 * in an array, which both the wire server and mongod match with {@code $all} (mongod
 * through a multikey index).
 */
public final class SearchTerms {

	/** The most terms one complaint stores. */
	public static final int MAX_STORED = 400;

	/** The most terms one query may have. */
	public static final int MAX_QUERIED = 8;

	private static final int MAX_TERM_LENGTH = 32;

	private SearchTerms() {
	}

	/** The terms stored for the given texts (nulls skipped), sorted and distinct. */
	public static List<String> of(String... texts) {
		TreeSet<String> terms = new TreeSet<>();
		for (String text : texts) {
			if (text != null) {
				tokens(text, true, terms);
			}
		}
		return terms.stream().limit(MAX_STORED).toList();
	}

	/** The terms a query must all match, sorted and distinct. */
	public static List<String> query(String text) {
		TreeSet<String> terms = new TreeSet<>();
		tokens(text, false, terms);
		return new ArrayList<>(terms);
	}

	private static void tokens(String text, boolean overlapping, TreeSet<String> terms) {
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder word = new StringBuilder();
		StringBuilder ideographs = new StringBuilder();
		normal.codePoints().forEach((cp) -> {
			if (isIdeographic(cp)) {
				flushWord(word, terms);
				ideographs.appendCodePoint(cp);
			}
			else if (Character.isLetterOrDigit(cp)) {
				flushIdeographs(ideographs, overlapping, terms);
				word.appendCodePoint(cp);
			}
			else {
				flushWord(word, terms);
				flushIdeographs(ideographs, overlapping, terms);
			}
		});
		flushWord(word, terms);
		flushIdeographs(ideographs, overlapping, terms);
	}

	private static void flushWord(StringBuilder word, TreeSet<String> terms) {
		if (word.codePointCount(0, word.length()) >= 2) {
			String term = word.toString();
			terms.add((term.length() > MAX_TERM_LENGTH) ? term.substring(0, MAX_TERM_LENGTH) : term);
		}
		word.setLength(0);
	}

	private static void flushIdeographs(StringBuilder run, boolean overlapping, TreeSet<String> terms) {
		int[] cps = run.codePoints().toArray();
		run.setLength(0);
		if (cps.length == 1) {
			terms.add(new String(cps, 0, 1));
			return;
		}
		int step = overlapping ? 1 : 2;
		for (int i = 0; i + 1 < cps.length; i += step) {
			terms.add(new String(cps, i, 2));
		}
		if (!overlapping && cps.length % 2 == 1) {
			terms.add(new String(cps, cps.length - 2, 2));
		}
	}

	private static boolean isIdeographic(int cp) {
		Character.UnicodeScript script = Character.UnicodeScript.of(cp);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

}
