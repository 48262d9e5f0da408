package com.complaintflow.triage.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.UnicodeSet;

/**
 * Which texts a rule-based transliterator can change, read from its own rules: a text
 * holding neither a character that a one-character rule changes nor the input of a longer
 * rule that changes only in combination is returned unchanged, so it need not be
 * transliterated (most simplified Chinese text, and the dearest step of triage).
 */
final class TransliterationTriggers {

	/**
	 * A plain rule: input, {@code >}, output, {@code ;}, with no context or variables.
	 */
	private static final Pattern PLAIN_RULE = Pattern.compile("([^\\s>;{}\\[\\]$|'\"\\\\&:]+) > ([^\\s>;]*);");

	private final UnicodeSet characters;

	private final List<String> phrases;

	private final boolean always;

	private TransliterationTriggers(UnicodeSet characters, List<String> phrases, boolean always) {
		this.characters = characters.freeze();
		this.phrases = List.copyOf(phrases);
		this.always = always;
	}

	/**
	 * The triggers of a transliterator's rules ({@code Transliterator.toRules}); rules in
	 * any other form than {@code input > output;} make every text a candidate.
	 */
	static TransliterationTriggers of(String rules) {
		UnicodeSet characters = new UnicodeSet();
		List<String> longer = new ArrayList<>();
		for (String line : rules.split("\n")) {
			String rule = line.strip();
			if (rule.isEmpty()) {
				continue;
			}
			Matcher plain = PLAIN_RULE.matcher(rule);
			if (!plain.matches()) {
				return new TransliterationTriggers(new UnicodeSet(), List.of(), true);
			}
			String input = plain.group(1);
			if (input.equals(plain.group(2))) {
				continue;
			}
			if (input.codePointCount(0, input.length()) == 1) {
				characters.add(input);
			}
			else {
				longer.add(input);
			}
		}
		List<String> phrases = longer.stream().filter(characters::containsNone).toList();
		return new TransliterationTriggers(characters, phrases, false);
	}

	/** Whether the transliteration can change the text. */
	boolean mayChange(String text) {
		if (this.always || !this.characters.containsNone(text)) {
			return true;
		}
		for (String phrase : this.phrases) {
			if (text.contains(phrase)) {
				return true;
			}
		}
		return false;
	}

	/** The characters that one-character rules change and the phrases besides them. */
	int size() {
		return this.characters.size() + this.phrases.size();
	}

}
