package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.NgramFeatures;
import com.complaintflow.triage.model.NgramFeatures;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * A static embedding distilled from a sentence model (the model2vec idea; the option
 * {@code --static words|chars} of {@link EmbedCommand}): every token of the texts is
 * embedded once on its own, and a text is the SIF-weighted sum of its tokens' vectors
 * (weight {@code a / (a + p(token))}, {@code a = 0.001}; the training L2-normalises it,
 * so it reads as the weighted mean), so a decision would cost a table lookup instead of a
 * transformer. Tokens: {@code words} (English words; ICU word segments in Chinese) or
 * {@code chars} (Chinese characters; English words).
 */
final class StaticEmbedding {

	private static final double SIF = 1e-3;

	private StaticEmbedding() {
	}

	/**
	 * The static embedding of each text.
	 * @param embedder a token's embedding by the sentence model
	 * @param texts key to text, of one language
	 */
	static Map<String, float[]> distil(Function<String, float[]> embedder, Map<String, String> texts, Language language,
			String mode) {
		if (!mode.equals("words") && !mode.equals("chars")) {
			throw new IllegalArgumentException("--static takes words or chars, not " + mode);
		}
		Map<String, List<String>> tokens = new LinkedHashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		long total = 0;
		for (Map.Entry<String, String> text : texts.entrySet()) {
			List<String> list = tokens(text.getValue(), language, mode);
			tokens.put(text.getKey(), list);
			for (String token : list) {
				counts.merge(token, 1, Integer::sum);
			}
			total += list.size();
		}
		Map<String, float[]> table = new HashMap<>();
		long start = System.nanoTime();
		for (String token : counts.keySet()) {
			table.put(token, embedder.apply(token));
		}
		System.out.printf(Locale.ROOT, "  static table: %d tokens embedded in %.1f s%n", table.size(),
				(System.nanoTime() - start) / 1e9);
		Map<String, float[]> vectors = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> text : tokens.entrySet()) {
			float[] sum = null;
			for (String token : text.getValue()) {
				float[] vector = table.get(token);
				sum = (sum == null) ? new float[vector.length] : sum;
				double weight = SIF / (SIF + counts.get(token) / (double) total);
				for (int d = 0; d < vector.length; d++) {
					sum[d] += (float) (weight * vector[d]);
				}
			}
			vectors.put(text.getKey(), (sum == null) ? new float[table.values().iterator().next().length] : sum);
		}
		return vectors;
	}

	/**
	 * A text's tokens, read as the model's n-grams read it ({@link NgramFeatures#fold}:
	 * lower case, simplified script, its first characters): words, or in Chinese with
	 * {@code chars} its characters.
	 */
	static List<String> tokens(String text, Language language, String mode) {
		String lower = NgramFeatures.fold(text);
		List<String> out = new ArrayList<>();
		if (language == Language.ZH && mode.equals("chars")) {
			lower.codePoints()
				.filter(Character::isLetterOrDigit)
				.forEach((point) -> out.add(new String(Character.toChars(point))));
			return out;
		}
		BreakIterator words = BreakIterator
			.getWordInstance((language == Language.ZH) ? ULocale.SIMPLIFIED_CHINESE : ULocale.ENGLISH);
		words.setText(lower);
		for (int from = words.first(), to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
			String word = lower.substring(from, to);
			if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
				out.add(word);
			}
		}
		return out;
	}

}
