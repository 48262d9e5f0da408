package com.complaintflow.triage.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.complaintflow.triage.text.ChineseScript;
import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Finds which signals a complaint text fires: normalises script and width, then finds
 * every mention of every term in one pass (an Aho-Corasick automaton over all terms) and
 * checks them in dictionary order (a one-character Chinese term counts only where a word
 * starts, and no term inside a longer word its signal says it is not within), skipping
 * negated mentions ("not leaving", "不是要转网") and quoted ones where the signal asks for it.
 */
final class TextAnalyzer {

	/** Where the CJK blocks start: a character at or past it is not Latin. */
	private static final char CJK_START = 0x2E80;

	private static final ThreadLocal<BreakIterator> WORDS = ThreadLocal
		.withInitial(() -> BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE));

	private final Map<Character, Character> traditional;

	/** Opening quote characters; the closing one of each at the same index. */
	private final String quoteOpeners;

	private final String quoteClosers;

	private final List<String> cues;

	private final Set<String> fillers;

	private final List<String> cjkFillers;

	private final List<String> notNegations;

	private final String clauseBreaks;

	private final int maxGap;

	private final List<CompiledSignal> signals;

	/** Every distinct term of every signal, by the id its signals refer to it with. */
	private final List<String> terms;

	/** All terms, each with its id, matched in one pass over a text. */
	private final AhoCorasickDoubleArrayTrie<Integer> automaton;

	/**
	 * How far before a mention a negation cue can be and still negate it: the longest
	 * cue, then at most {@code maxGap} fillers with their separators, plus the longest
	 * not-negation phrase that may overlap the cue. Only this window of the clause is
	 * read, so each mention costs the same however long the text runs without a clause
	 * break.
	 */
	private final int window;

	TextAnalyzer(Map<Character, Character> traditional, Map<Character, Character> quotePairs, List<String> cues,
			List<String> fillers, List<String> notNegations, String clauseBreaks, int maxGap,
			List<RulesDocument.SignalSpec> signals) {
		this.traditional = Map.copyOf(traditional);
		StringBuilder openers = new StringBuilder();
		StringBuilder closers = new StringBuilder();
		quotePairs.forEach((open, close) -> {
			openers.append(open);
			closers.append(close);
		});
		this.quoteOpeners = openers.toString();
		this.quoteClosers = closers.toString();
		this.cues = cues.stream()
			.map(this::normalize)
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		this.fillers = Set.copyOf(fillers.stream().map(this::normalize).filter(TextAnalyzer::isLatin).toList());
		this.cjkFillers = fillers.stream()
			.map(this::normalize)
			.filter((filler) -> !isLatin(filler))
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		this.notNegations = notNegations.stream().map(this::normalize).toList();
		this.clauseBreaks = clauseBreaks;
		this.maxGap = maxGap;
		Map<String, Integer> termIds = new HashMap<>();
		List<String> terms = new ArrayList<>();
		this.signals = signals.stream()
			.map((spec) -> new CompiledSignal(spec.id(), ids(spec.terms(), termIds, terms),
					ids(spec.notWithinOrNone(), termIds, terms), spec.negatable(), spec.ignoreInQuotes()))
			.toList();
		this.terms = List.copyOf(terms);
		this.automaton = new AhoCorasickDoubleArrayTrie<>();
		if (!termIds.isEmpty()) {
			this.automaton.build(termIds);
		}
		int longestFiller = Math.max(longest(this.fillers), longest(this.cjkFillers));
		this.window = longest(this.cues) + maxGap * (longestFiller + GAP_SEPARATOR) + GAP_SEPARATOR
				+ longest(this.notNegations);
	}

	/**
	 * The ids of the given words, normalised, each new one added to the terms the
	 * automaton finds.
	 */
	private int[] ids(List<String> words, Map<String, Integer> termIds, List<String> terms) {
		return words.stream()
			.map(this::normalize)
			.filter((term) -> !term.isEmpty())
			.distinct()
			.mapToInt((term) -> termIds.computeIfAbsent(term, (added) -> {
				terms.add(added);
				return terms.size() - 1;
			}))
			.toArray();
	}

	/** Characters allowed between two fillers (spaces, hyphens, quotes) per filler. */
	private static final int GAP_SEPARATOR = 8;

	private static int longest(Collection<String> texts) {
		return texts.stream().mapToInt(String::length).max().orElse(0);
	}

	/**
	 * Lower case, compatibility forms (full width to ASCII), typographic apostrophes, and
	 * traditional script and Taiwan / Hong Kong words in simplified mainland form
	 * (ICU4J), then any extra characters of the rules file's {@code text.traditional}.
	 */
	String normalize(String text) {
		String folded = ChineseScript.toSimplified(Normalizer.normalize(text, Normalizer.Form.NFKC))
			.toLowerCase(Locale.ROOT)
			.replace('\u2019', '\'')
			.replace('\u2018', '\'');
		if (this.traditional.isEmpty()) {
			return folded;
		}
		char[] chars = folded.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = this.traditional.getOrDefault(chars[i], chars[i]);
		}
		return new String(chars);
	}

	/**
	 * The signals the text fires, in dictionary order, with the matched term; and the
	 * mentions that were ignored because negated or quoted.
	 */
	Result analyze(String rawText) {
		String text = normalize(rawText);
		long[] mentions = mentions(text);
		BitSet mentioned = new BitSet(this.terms.size());
		for (long mention : mentions) {
			mentioned.set((int) (mention >>> 32));
		}
		// computed on the first mention that needs them: most texts need neither
		boolean[] quoted = null;
		boolean[] wordStarts = null;
		Map<String, String> fired = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (CompiledSignal signal : this.signals) {
			String why = null;
			String firedBy = null;
			for (int termId : signal.termIds()) {
				if (!mentioned.get(termId)) {
					continue;
				}
				String term = this.terms.get(termId);
				for (int k = firstMention(mentions, termId); k < mentions.length
						&& (mentions[k] >>> 32) == termId; k++) {
					int at = (int) mentions[k];
					if (!isWholeWord(text, at, term)
							|| withinAnother(mentions, mentioned, signal.notWithinIds(), at, term.length())) {
						continue;
					}
					if (term.length() == 1 && !isLatin(term)) {
						// a one-character Chinese term counts only where a word starts (换
						// yes, 更换 no)
						if (wordStarts == null) {
							wordStarts = wordStarts(text);
						}
						if (!wordStarts[at]) {
							continue;
						}
					}
					if (signal.ignoreInQuotes()) {
						if (quoted == null) {
							quoted = quotedPositions(text);
						}
						if (quoted[at]) {
							why = "quoted";
							continue;
						}
					}
					if (signal.negatable() && isNegated(text, at)) {
						why = "negated";
						continue;
					}
					firedBy = term;
					break;
				}
				if (firedBy != null) {
					break;
				}
			}
			if (firedBy != null) {
				fired.put(signal.id(), firedBy);
			}
			else if (why != null) {
				ignored.add(why + ":" + signal.id());
			}
		}
		return new Result(fired, ignored, text.length());
	}

	/**
	 * Every mention of every term, overlapping ones too, as the term id in the high 32
	 * bits and where it starts in the low: sorted, so a term's mentions are together and
	 * in text order.
	 */
	private long[] mentions(String text) {
		if (this.terms.isEmpty()) {
			return new long[0];
		}
		return this.automaton.parseText(text)
			.stream()
			.mapToLong((hit) -> ((long) hit.value << 32) | hit.begin)
			.sorted()
			.toArray();
	}

	/**
	 * Whether a mention of one of the given words covers the characters from {@code at}
	 * for {@code length}.
	 */
	private boolean withinAnother(long[] mentions, BitSet mentioned, int[] wordIds, int at, int length) {
		for (int wordId : wordIds) {
			if (!mentioned.get(wordId)) {
				continue;
			}
			// the word's first mention that ends at or after the term covers it if it
			// starts at or before it (found by halving: a text that says the word
			// thousands of times is not read once per mention of the term)
			int wordLength = this.terms.get(wordId).length();
			int k = firstMention(mentions, wordId, Math.max(0, at + length - wordLength));
			if (k < mentions.length && (mentions[k] >>> 32) == wordId && (int) mentions[k] <= at) {
				return true;
			}
		}
		return false;
	}

	/** The index of a term's first mention (there is one). */
	private static int firstMention(long[] mentions, int termId) {
		return firstMention(mentions, termId, 0);
	}

	/**
	 * The index of a term's first mention starting at or after {@code from}, or of the
	 * next term's first mention where it has none.
	 */
	private static int firstMention(long[] mentions, int termId, int from) {
		int at = Arrays.binarySearch(mentions, ((long) termId << 32) | from);
		return (at >= 0) ? at : -at - 1;
	}

	/** Where ICU's dictionary-based word segmentation starts a word. */
	private static boolean[] wordStarts(String text) {
		boolean[] starts = new boolean[text.length() + 1];
		BreakIterator words = WORDS.get();
		words.setText(text);
		for (int at = words.first(); at != BreakIterator.DONE; at = words.next()) {
			starts[at] = true;
		}
		return starts;
	}

	private boolean[] quotedPositions(String text) {
		boolean[] quoted = new boolean[text.length()];
		// an opener after its closer's last mention is never closed: without this, each
		// such opener read the rest of the text (quadratic in a text full of them)
		int[] lastCloser = new int[this.quoteClosers.length()];
		for (int pair = 0; pair < lastCloser.length; pair++) {
			lastCloser[pair] = text.lastIndexOf(this.quoteClosers.charAt(pair));
		}
		int i = 0;
		while (i < text.length()) {
			int pair = this.quoteOpeners.indexOf(text.charAt(i));
			int end = (pair >= 0 && lastCloser[pair] > i) ? text.indexOf(this.quoteClosers.charAt(pair), i + 1) : -1;
			if (end > i) {
				for (int j = i + 1; j < end; j++) {
					quoted[j] = true;
				}
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return quoted;
	}

	/**
	 * Whether a Latin term stands as a word: no Latin letter or digit runs on into it on
	 * either side. A Chinese character beside it is a boundary, as Chinese writes no
	 * spaces: 10086 in 打10086投诉, wifi in 手机wifi连不上.
	 */
	private static boolean isWholeWord(String text, int at, String term) {
		if (!isLatin(term)) {
			return true;
		}
		boolean startOk = at == 0 || !isLatinWordCharacter(text.charAt(at - 1))
				|| !Character.isLetterOrDigit(term.charAt(0));
		int end = at + term.length();
		boolean endOk = end >= text.length() || !isLatinWordCharacter(text.charAt(end))
				|| !Character.isLetterOrDigit(term.charAt(term.length() - 1));
		return startOk && endOk;
	}

	private static boolean isLatinWordCharacter(char c) {
		return c < CJK_START && Character.isLetterOrDigit(c);
	}

	private boolean isNegated(String text, int at) {
		int clauseStart = at;
		int limit = Math.max(0, at - this.window);
		while (clauseStart > limit && this.clauseBreaks.indexOf(text.charAt(clauseStart - 1)) < 0) {
			clauseStart--;
		}
		String clause = text.substring(clauseStart, at);
		for (String phrase : this.notNegations) {
			clause = clause.replace(phrase, " ".repeat(phrase.length()));
		}
		for (String cue : this.cues) {
			int cueAt = clause.lastIndexOf(cue);
			while (cueAt >= 0) {
				if (isCueAt(clause, cueAt, cue) && onlyFillers(clause.substring(cueAt + cue.length()))) {
					return true;
				}
				cueAt = (cueAt > 0) ? clause.lastIndexOf(cue, cueAt - 1) : -1;
			}
		}
		return false;
	}

	private static boolean isCueAt(String clause, int at, String cue) {
		if (!isLatin(cue)) {
			return true;
		}
		if (cue.startsWith("n'")) {
			// a suffix cue: don't, won't, isn't
			int end = at + cue.length();
			return at > 0 && Character.isLetter(clause.charAt(at - 1))
					&& (end >= clause.length() || !Character.isLetter(clause.charAt(end)));
		}
		return isWholeWord(clause, at, cue);
	}

	private boolean onlyFillers(String gap) {
		String rest = gap.strip();
		if (rest.isEmpty()) {
			return true;
		}
		if (!isLatin(rest)) {
			return onlyCjkFillers(rest.replace(" ", ""));
		}
		String[] words = rest.split("[^\\p{L}\\p{N}']+");
		if (words.length > this.maxGap) {
			return false;
		}
		for (String word : words) {
			if (!word.isEmpty() && !this.fillers.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private boolean onlyCjkFillers(String gap) {
		if (gap.length() > this.maxGap * 2) {
			return false;
		}
		int i = 0;
		outer: while (i < gap.length()) {
			for (String filler : this.cjkFillers) {
				if (gap.startsWith(filler, i)) {
					i += filler.length();
					continue outer;
				}
			}
			return false;
		}
		return true;
	}

	private static boolean isLatin(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= CJK_START) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A signal ready for matching: the ids of its normalised terms, in its order, and of
	 * the longer words they do not count within.
	 */
	private record CompiledSignal(String id, int[] termIds, int[] notWithinIds, boolean negatable,
			boolean ignoreInQuotes) {
	}

	/**
	 * What the text fired.
	 *
	 * @param fired signal id to the term that fired it, in dictionary order
	 * @param ignored mentions ignored as negated or quoted ("negated:churn.leave"), and
	 * text left unread ("follow-up-messages")
	 * @param length the normalised text length
	 */
	record Result(Map<String, String> fired, List<String> ignored, int length) {

		/** The same result, saying that a part of the text was left unread. */
		Result unread(String part) {
			List<String> all = new ArrayList<>(this.ignored);
			all.add(part);
			return new Result(this.fired, List.copyOf(all), this.length);
		}

	}

}
