package com.complaintflow.triage.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.complaintflow.triage.text.ChineseScript;
import com.complaintflow.triage.text.FollowUpMessages;

/**
 * Turns a complaint text into the n-gram features of its language, hashed to 64 bits
 * without building strings: Chinese characters 1-3; English words 1-2 and characters 3-5;
 * with the {@code _CUES} schemes also the n-grams around each word of leaving
 * ({@link LeavingCues}). A model file names its scheme, so a model of either kind is
 * read. Text is folded first (follow-up messages left out, NFKC, lower case, traditional
 * to simplified, digits to 0) and cut to {@link #MAX_CHARS}, so any text costs bounded
 * time.
 */
public enum NgramFeatures {

	/** Chinese: character 1-3 grams. */
	ZH(0, 0, 1, 3, List.of()),

	/** English: word 1-2 grams and character 3-5 grams. */
	EN(1, 2, 3, 5, List.of()),

	/**
	 * Chinese, plus the characters 1-2 grams within a window around each term of leaving
	 * of {@link LeavingCues#CHINESE_1} ({@link #forEach(String, Sink, Sink)}).
	 */
	ZH_CUES(0, 0, 1, 3, LeavingCues.CHINESE_1),

	/**
	 * English, plus the word 1-2 grams within a window around each word of leaving
	 * ({@link #forEach(String, Sink, Sink)}).
	 */
	EN_CUES(1, 2, 3, 5, LeavingCues.ENGLISH),

	/**
	 * As {@link #ZH_CUES}, around the wider list of terms {@link LeavingCues#CHINESE_2}
	 * (the bundled Chinese model since 2026-12-04 13:42Z).
	 */
	ZH_CUES_2(0, 0, 1, 3, LeavingCues.CHINESE_2);

	/**
	 * Words (English) or characters (Chinese) read either side of a cue (6; on the
	 * Chinese folds 4 and 10 read worse; on the English folds 4 traded precision for
	 * recall and 10 lost both).
	 */
	private static final int CUE_WINDOW = 6;

	/** The prefix of a cue window's n-gram name. */
	public static final String CUE_PREFIX = "x:";

	/** Characters of a text that are read; the rest is ignored. */
	public static final int MAX_CHARS = 2500;

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private final int minWords;

	private final int maxWords;

	private final int minChars;

	private final int maxChars;

	/** The words or terms of leaving whose windows are read (none: no windows). */
	private final Set<String> cues;

	NgramFeatures(int minWords, int maxWords, int minChars, int maxChars, List<String> cues) {
		this.cues = Set.copyOf(cues);
		this.minWords = minWords;
		this.maxWords = maxWords;
		this.minChars = minChars;
		this.maxChars = maxChars;
	}

	/** Receives each n-gram of a folded text. */
	@FunctionalInterface
	public interface Sink {

		/**
		 * One n-gram occurrence.
		 * @param hash its 64-bit hash (the hash of {@link #name})
		 * @param start where it starts in the folded text
		 * @param end where it ends
		 * @param word whether it is a word n-gram (else characters)
		 */
		void accept(long hash, int start, int end, boolean word);

	}

	/**
	 * Folds a raw text for n-gram extraction: the complaint without the follow-up
	 * messages a regulator's system appends (as the rules read it), cut to its first
	 * characters.
	 */
	public static String fold(String raw) {
		String complaint = FollowUpMessages.complaintOf(raw);
		String text = (complaint.length() > MAX_CHARS) ? complaint.substring(0, MAX_CHARS) : complaint;
		String folded = ChineseScript.toSimplified(Normalizer.normalize(text, Normalizer.Form.NFKC))
			.toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		boolean space = true;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				if (!space) {
					out.append(' ');
				}
				space = true;
				continue;
			}
			out.append((c >= '0' && c <= '9') ? '0' : ((c == '\u2019' || c == '\u2018') ? '\'' : c));
			space = false;
		}
		int length = out.length();
		return (length > 0 && out.charAt(length - 1) == ' ') ? out.substring(0, length - 1) : out.toString();
	}

	/** Calls the sink for every n-gram of a folded text, the cue windows' too. */
	public void forEach(String folded, Sink sink) {
		forEach(folded, sink, sink);
	}

	/**
	 * Calls one sink for every plain n-gram of a folded text and the other for every
	 * n-gram in the windows around words of leaving, if the scheme reads them (English
	 * word 1-2 grams, Chinese character 1-2 grams, named with {@link #CUE_PREFIX}, see
	 * {@link #cueName}; each reported once per position, however many cues it is near).
	 * The words are found once for both.
	 */
	public void forEach(String folded, Sink ngrams, Sink cueNgrams) {
		characters(folded, ngrams);
		if (this.maxWords == 0) {
			if (readsCues()) {
				chineseCues(folded, cueNgrams);
			}
			return;
		}
		int[] bounds = words(folded);
		words(folded, bounds, ngrams);
		if (readsCues()) {
			englishCues(folded, bounds, cueNgrams);
		}
	}

	private void characters(String folded, Sink sink) {
		for (int start = 0; start < folded.length(); start++) {
			if (folded.charAt(start) == ' ') {
				continue;
			}
			long hash = mix(mix(FNV_OFFSET, 'c'), ':');
			for (int n = 1; n <= this.maxChars && start + n <= folded.length(); n++) {
				hash = mix(hash, folded.charAt(start + n - 1));
				if (n >= this.minChars && folded.charAt(start + n - 1) != ' ') {
					sink.accept(hash, start, start + n, false);
				}
			}
		}
	}

	private void words(String folded, int[] bounds, Sink sink) {
		int count = bounds.length / 2;
		for (int w = 0; w < count; w++) {
			long hash = mix(mix(FNV_OFFSET, 'w'), ':');
			for (int n = 1; n <= this.maxWords && w + n <= count; n++) {
				int from = bounds[2 * (w + n - 1)];
				int to = bounds[2 * (w + n - 1) + 1];
				if (n > 1) {
					hash = mix(hash, ' ');
				}
				for (int i = from; i < to; i++) {
					hash = mix(hash, folded.charAt(i));
				}
				if (n >= this.minWords) {
					sink.accept(hash, bounds[2 * w], to, true);
				}
			}
		}
	}

	private void englishCues(String folded, int[] bounds, Sink sink) {
		int count = bounds.length / 2;
		boolean[] near = new boolean[count];
		boolean any = false;
		for (int w = 0; w < count; w++) {
			// apostrophes left out: a possessive (provider's) or a quoted word ('cancel')
			if (this.cues.contains(folded.substring(bounds[2 * w], bounds[2 * w + 1]).replace("'", ""))) {
				for (int v = Math.max(0, w - CUE_WINDOW); v <= Math.min(count - 1, w + CUE_WINDOW); v++) {
					near[v] = true;
				}
				any = true;
			}
		}
		for (int w = 0; any && w < count; w++) {
			if (!near[w]) {
				continue;
			}
			long hash = mix(mix(FNV_OFFSET, 'x'), ':');
			for (int n = 1; n <= 2 && w + n <= count && near[w + n - 1]; n++) {
				if (n > 1) {
					hash = mix(hash, ' ');
				}
				for (int i = bounds[2 * (w + n - 1)]; i < bounds[2 * (w + n - 1) + 1]; i++) {
					hash = mix(hash, folded.charAt(i));
				}
				sink.accept(hash, bounds[2 * w], bounds[2 * (w + n - 1) + 1], true);
			}
		}
	}

	private void chineseCues(String folded, Sink sink) {
		boolean[] near = new boolean[folded.length()];
		boolean any = false;
		// in any order: the windows are marked, then read in text order
		for (String term : this.cues) {
			for (int at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
				for (int i = Math.max(0, at - CUE_WINDOW); i < Math.min(folded.length(),
						at + term.length() + CUE_WINDOW); i++) {
					near[i] = true;
				}
				any = true;
			}
		}
		for (int start = 0; any && start < folded.length(); start++) {
			long hash = mix(mix(FNV_OFFSET, 'x'), ':');
			for (int n = 1; n <= 2 && start + n <= folded.length() && near[start + n - 1]; n++) {
				hash = mix(hash, folded.charAt(start + n - 1));
				if (folded.charAt(start + n - 1) != ' ') {
					sink.accept(hash, start, start + n, false);
				}
			}
		}
	}

	/** Whether this scheme reads the windows around words of leaving. */
	public boolean readsCues() {
		return !this.cues.isEmpty();
	}

	/**
	 * The name of a cue window's n-gram as {@link #forEach(String, Sink, Sink)} reports
	 * it ({@code x:} and the words or characters); its hash is what that method reports.
	 */
	public static String cueName(String folded, int start, int end, boolean word) {
		return CUE_PREFIX + name(folded, start, end, word).substring(2);
	}

	/**
	 * The readable name of an n-gram (for vocabularies and explanations): {@code c:}
	 * characters or {@code w:} words separated by one space.
	 */
	public static String name(String folded, int start, int end, boolean word) {
		if (!word) {
			return "c:" + folded.substring(start, end);
		}
		StringBuilder name = new StringBuilder("w:");
		int[] bounds = words(folded.substring(start, end));
		for (int i = 0; i < bounds.length; i += 2) {
			if (i > 0) {
				name.append(' ');
			}
			name.append(folded, start + bounds[i], start + bounds[i + 1]);
		}
		return name.toString();
	}

	/**
	 * The 64-bit hash of a rules signal used as a feature ({@code s:} and the signal id,
	 * e.g. {@code s:churn.leave}).
	 */
	public static long signalHash(String signal) {
		return hash(SIGNAL_PREFIX + signal);
	}

	/** The prefix of a rules signal's feature name. */
	public static final String SIGNAL_PREFIX = "s:";

	/** The 64-bit hash of an n-gram name; equal to what {@link #forEach} reports. */
	public static long hash(String name) {
		long hash = FNV_OFFSET;
		for (int i = 0; i < name.length(); i++) {
			hash = mix(hash, name.charAt(i));
		}
		return hash;
	}

	private static long mix(long hash, char c) {
		return (hash ^ c) * FNV_PRIME;
	}

	/** Start and end of each word (letters, digits, apostrophes) in the folded text. */
	private static int[] words(String folded) {
		int[] bounds = new int[16];
		int count = 0;
		int i = 0;
		while (i < folded.length()) {
			if (!isWordChar(folded.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < folded.length() && isWordChar(folded.charAt(i))) {
				i++;
			}
			if (count + 2 > bounds.length) {
				bounds = Arrays.copyOf(bounds, bounds.length * 2);
			}
			bounds[count++] = start;
			bounds[count++] = i;
		}
		return Arrays.copyOf(bounds, count);
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || c == '\'';
	}

}
