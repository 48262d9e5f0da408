package com.complaintflow.followup.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.events.Explanation;
import com.complaintflow.events.ModelAdvice;
import com.complaintflow.events.ModelFit;
import com.complaintflow.events.ModelReason;
import com.complaintflow.events.RulesReason;
import com.complaintflow.events.RulesSignal;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.cases.TriageFacts;

/**
 * Why triage decided one field of a case, as an agent reads it: the value, what decided
 * it (the learned model and how sure it was, a rule, the keywords' score, the usual value
 * for the category, or the default) and, for the model, the customer's words that weighed
 * most and any value it passed over because it did not fit the other field. Read from the
 * explanation's signals and the complaint's text at display time, so an erasure that
 * empties them leaves nothing to show.
 *
 * @param field the field's key ({@code category}, {@code churnRisk}, ...)
 * @param value the decided value
 * @param source {@code model}, {@code rule}, {@code score}, {@code default} or
 * {@code fallback}
 * @param percent how sure the model was (0 to 100), for the model's decision
 * @param rule the rule's id, for a rule's decision
 * @param words the customer's words that weighed most for the model, at most
 * {@value #MAX_WORDS}
 * @param advice what the learned model said of a field the rules decided, or null (the
 * model decided it, or said nothing)
 * @param fit where the model took the category or playbook to fit the other field, its
 * most probable value alone that did not; else null
 */
record TriageReason(String field, String value, String source, Integer percent, String rule, List<String> words,
		ModelAdvice advice, ModelFit fit) {

	/** The fields shown, in the page's order. */
	static final List<String> FIELDS = List.of("category", "playbook", "persona", "emotion", "churnRisk", "nature",
			"rootCause");

	/** Words shown per field at most. */
	static final int MAX_WORDS = 4;

	/** A word longer than this is shown as the n-gram found in it. */
	private static final int LONGEST_WORD = 40;

	/** Each shown field's reason, or none for a case without triage's explanation. */
	static List<TriageReason> of(CaseView view) {
		return of(view.triage(), view.category(), view.playbook(),
				(view.complaint() != null) ? view.complaint().description() : null);
	}

	/**
	 * Each shown field's reason.
	 * @param triage triage's decision about the customer, or null
	 * @param category the case's category
	 * @param playbook the case's playbook
	 * @param text the complaint's text, or null before it arrives and after erasure
	 */
	static List<TriageReason> of(TriageFacts triage, Enum<?> category, Enum<?> playbook, String text) {
		if (triage == null || triage.signals().isEmpty()) {
			return List.of();
		}
		Map<String, String> reasons = reasonsByField(triage.signals());
		List<TriageReason> shown = new ArrayList<>();
		for (String field : FIELDS) {
			String signal = reasons.get(field);
			Enum<?> value = switch (field) {
				case "category" -> category;
				case "playbook" -> playbook;
				case "persona" -> triage.persona();
				case "emotion" -> triage.emotion();
				case "churnRisk" -> triage.churnRisk();
				case "nature" -> triage.nature();
				case "rootCause" -> triage.rootCauseLayer();
				default -> null;
			};
			if (signal != null && value != null) {
				shown.add(of(field, value.name(), signal, triage.signals(), text));
			}
		}
		return shown;
	}

	/**
	 * The customer's words that weighed most for one field, where the model decided it
	 * (none where the rules did).
	 */
	static List<String> modelWords(String field, List<String> signals, String text) {
		ModelReason model = model(field, signals);
		return (model != null) ? words(model.evidence(), signals, text) : List.of();
	}

	/**
	 * The learned model's reason for one field, or null where the model did not decide
	 * it.
	 */
	static ModelReason model(String field, List<String> signals) {
		return ModelReason.parse(reasonsByField(signals).get(field));
	}

	/** The words the rules matched in the complaint, each once. */
	static List<String> recognised(TriageFacts triage) {
		if (triage == null) {
			return List.of();
		}
		Map<String, String> words = new LinkedHashMap<>();
		for (String signal : triage.signals()) {
			String word = matchedWord(signal);
			if (word != null) {
				words.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
			}
		}
		return List.copyOf(words.values());
	}

	private static TriageReason of(String field, String value, String signal, List<String> signals, String text) {
		ModelReason model = ModelReason.parse(signal);
		if (model != null) {
			return new TriageReason(field, value, "model", percent(model.probability()), null,
					words(model.evidence(), signals, text), null, ModelFit.of(signals, field));
		}
		RulesReason rules = RulesReason.parse(signal);
		return new TriageReason(field, value, rules.source().key(), null, rules.ruleId(), List.of(),
				ModelAdvice.of(signals, field), null);
	}

	/**
	 * How sure the model was of the value it chose for a field the rules decided (0 to
	 * 100).
	 */
	public int advicePercent() {
		return (this.advice != null) ? percent(this.advice.probability()) : 0;
	}

	/**
	 * How sure the model was, alone, of the value it did not take to fit the other field
	 * (0 to 100).
	 */
	public int fitAlonePercent() {
		return (this.fit != null) ? percent(this.fit.alone().probability()) : 0;
	}

	private static int percent(double probability) {
		return (int) Math.round(probability * 100);
	}

	/**
	 * The first reason signal of each field ({@code rule:category.outage} is category's).
	 */
	private static Map<String, String> reasonsByField(List<String> signals) {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (String signal : signals) {
			RulesReason rules = RulesReason.parse(signal);
			ModelReason model = (rules == null) ? ModelReason.parse(signal) : null;
			String field = (rules != null) ? rules.field() : (model != null) ? model.field() : null;
			if (field != null) {
				reasons.putIfAbsent(field, signal);
			}
		}
		return reasons;
	}

	/**
	 * The customer's words behind the model's weightiest features: a rules signal's
	 * matched word; an n-gram widened to the word (or words) of the text it lies in.
	 */
	static List<String> words(List<ModelReason.Weighed> evidence, List<String> signals, String text) {
		Map<String, String> words = new LinkedHashMap<>();
		for (ModelReason.Weighed weighed : evidence) {
			String feature = weighed.feature();
			String word;
			if (feature.startsWith(RulesSignal.PREFIX)) {
				word = matchedWord(signals, feature.substring(RulesSignal.PREFIX.length()));
			}
			else {
				String ngram = feature.startsWith(ModelReason.NEAR_LEAVING)
						? feature.substring(ModelReason.NEAR_LEAVING.length()) : feature;
				word = inText(ngram, text);
			}
			if (word != null) {
				add(words, word);
			}
		}
		return words.values().stream().limit(MAX_WORDS).toList();
	}

	/**
	 * Adds a word unless a phrase already shown holds it; a phrase replaces the words it
	 * holds ("broadband drops" replaces "broadband" and "drops").
	 */
	private static void add(Map<String, String> words, String word) {
		String key = word.toLowerCase(Locale.ROOT);
		if (words.keySet().stream().anyMatch((shown) -> within(key, shown))) {
			return;
		}
		words.keySet().removeIf((shown) -> within(shown, key));
		words.put(key, word);
	}

	/** Whether a word is the whole or a whole-word part of a phrase. */
	private static boolean within(String word, String phrase) {
		for (int at = phrase.indexOf(word); at >= 0; at = phrase.indexOf(word, at + 1)) {
			int end = at + word.length();
			if ((at == 0 || !inWord(phrase.charAt(at - 1)))
					&& (end == phrase.length() || !inWord(phrase.charAt(end)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean chinese(int c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/**
	 * The word a rules signal matched ({@code signal:network.broadband('broadband')}).
	 */
	private static String matchedWord(String signal) {
		RulesSignal matched = RulesSignal.parse(signal);
		return (matched != null) ? matched.word() : null;
	}

	private static String matchedWord(List<String> signals, String id) {
		return Explanation.firstSignal(signals, RulesSignal::parse, (matched) -> matched.id().equals(id))
			.map(RulesSignal::word)
			.orElse(null);
	}

	/**
	 * The text's word (or words) holding an n-gram; a Chinese n-gram as it is (a text in
	 * traditional characters does not hold its simplified form); none for an n-gram of
	 * single letters or digits (a character n-gram across words, a folded number).
	 */
	static String inText(String ngram, String text) {
		String core = ngram.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
		if (core.isEmpty()) {
			return null;
		}
		if (core.codePoints().anyMatch(TriageReason::chinese)) {
			return core;
		}
		for (String part : core.split("\\s+")) {
			if (part.length() < 2) {
				return null;
			}
		}
		Matcher found = (text != null)
				? Pattern.compile(Pattern.quote(core), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text)
				: null;
		if (found == null || !found.find()) {
			return null;
		}
		int start = found.start();
		int end = found.end();
		while (start > 0 && inWord(text.charAt(start - 1))) {
			start--;
		}
		while (end < text.length() && inWord(text.charAt(end))) {
			end++;
		}
		return (end - start <= LONGEST_WORD) ? text.substring(start, end) : found.group();
	}

	/** Whether a character continues a Latin word (a Chinese character does not). */
	private static boolean inWord(char c) {
		return (Character.isLetterOrDigit(c) && !chinese(c)) || c == '\'' || c == '’' || c == '-';
	}

}
