package com.complaintflow.triage.model.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.PlaybookCategories;

/**
 * Where a field's classifier decides, chosen on out-of-fold predictions of the training
 * data: the probability threshold at which the model decides instead of the rules, and
 * the offset of the field's watched value (churn HIGH up, playbook STANDARD_CARE down).
 *
 * @param threshold the probability at which the model decides (above 1: never)
 * @param offsets added per value to the scaled scores before the softmax
 * @param objective the out-of-fold accuracy, plus the churn-HIGH recall's weight or minus
 * the wrong fallback's
 * @param shortfall how far the field's target is missed (0 when it is met)
 */
record OperatingPoint(double threshold, float[] offsets, double objective, double shortfall) {

	/** The value whose errors weigh more, per field. */
	private static final Map<String, String> WATCHED = Map.of("churnRisk", "HIGH", "playbook", "STANDARD_CARE");

	/**
	 * The offsets tried for a field's watched value: quarter steps, so the wrong fallback
	 * can be held close to its limit instead of half a step below it.
	 */
	private static final double[] OFFSETS = IntStream.rangeClosed(-16, 24)
		.mapToDouble((quarter) -> quarter / 4.0)
		.toArray();

	/**
	 * How much better (out-of-fold objective, a share of the rows) a threshold that hands
	 * the uncertain texts to the rules must be than the model deciding every text
	 * ({@code -Dtriage.train.min-rules-gain}). The default, 1, never hands texts to the
	 * rules for accuracy alone, only where a field's target needs it (the wrong
	 * fallback): the most accurate threshold on the training folds was noise on the
	 * held-out folds (persona 1.2-1.6 points lower in both languages, see
	 * docs/triage.md); 0 restores that choice.
	 */
	private static final double MIN_RULES_GAIN = Double
		.parseDouble(System.getProperty("triage.train.min-rules-gain", "1"));

	/**
	 * The churn-HIGH recall the out-of-fold choice must reach
	 * ({@code -Dtriage.train.high-recall-target}, e.g. the 0.90); 0 (the default)
	 * weighs recall into the objective instead: at 0.90 most LOW complaints were called
	 * HIGH (precision 0.25 en, 0.13 zh), see docs/triage.md.
	 */
	private static final double HIGH_RECALL_TARGET = Double
		.parseDouble(System.getProperty("triage.train.high-recall-target", "0"));

	/**
	 * How much churn-HIGH recall weighs against accuracy when no recall target is set
	 * ({@code -Dtriage.train.high-recall-weight}).
	 */
	private static final double HIGH_RECALL_WEIGHT = Double
		.parseDouble(System.getProperty("triage.train.high-recall-weight", "0.5"));

	/**
	 * How much the wrong fallback rate (over the complaints) weighs against the accuracy
	 * (over every text) when choosing within the fallback limit
	 * ({@code -Dtriage.train.fallback-penalty}): a customer with a real fault sent to
	 * standard care costs more than another error (without it, English short fault
	 * reports drifted to STANDARD_CARE).
	 */
	private static final double FALLBACK_PENALTY = Double
		.parseDouble(System.getProperty("triage.train.fallback-penalty", "1.5"));

	/**
	 * The wrong fallback to STANDARD_CARE the out-of-fold choice may not exceed, per
	 * language ({@code -Dtriage.train.fallback-limit}: one share for every language, or
	 * {@code LANGUAGE:share} pairs). Chinese 4.25 %, a margin below the 5 % target: a
	 * choice at 5 % read 4.7-5.9 % on the held-out folds of three fold seeds. English the
	 * target itself, where it read 2.8 % on each (4.25 % cost English 0.7 points of
	 * playbook for a wrong fallback of 3.0 %); see docs/triage.md.
	 */
	private static final String FALLBACK_LIMITS = System.getProperty("triage.train.fallback-limit",
			"EN:0.05;ZH:0.0425");

	/**
	 * The wrong-fallback target: the limit of a language the setting leaves out.
	 */
	private static final double FALLBACK_TARGET = 0.05;

	/**
	 * How much better (out-of-fold objective, a share of the rows) a new operating point
	 * must be than the one in force to replace it when retraining
	 * ({@code -Dtriage.train.keep-margin}): a threshold chosen anew at each training
	 * moved on a rules change within the noise, and set 9's English playbook with it
	 * (0.94 -> 0.84, see docs/triage.md).
	 */
	static final double KEEP_MARGIN = Double.parseDouble(System.getProperty("triage.train.keep-margin", "0.005"));

	/** What the report says of a point in force that stayed against a better new one. */
	static final String KEPT = "kept against the best,";

	/** What the report says of a point in force that a clearly better one replaced. */
	static final String REPLACED = "replaced by the best,";

	/**
	 * The probability at which the model decides instead of the (non-hard) rules, and the
	 * offset of the field's watched value (churn HIGH up, playbook STANDARD_CARE down):
	 * the pair with the best out-of-fold accuracy (accepted alternatives counting as
	 * right; for churn plus {@link #HIGH_RECALL_WEIGHT} times the HIGH recall, for the
	 * playbook minus {@link #FALLBACK_PENALTY} times the wrong fallback) among those that
	 * meet the field's target, if any does: wrong fallback to STANDARD_CARE of at most
	 * {@code fallbackLimit} of the complaints, churn-HIGH recall of at least
	 * {@link #HIGH_RECALL_TARGET} if set. When none does, the pair closest to the target
	 * (then the most accurate). A threshold above 0 must beat the model deciding every
	 * text by {@link #MIN_RULES_GAIN} or bring the field closer to its target. A
	 * threshold above 1 means the model never decides. With the category's out-of-fold
	 * scores (the playbook's choice; else null) each row's value is the playbook of the
	 * most probable pair that fits, as the model decides.
	 */
	static OperatingPoint choose(String field, List<String> classes, List<ModelTrainer.Doc> docs, List<Integer> rows,
			double[][] outOfFold, double temperature, double fallbackLimit, FieldOutOfFold category) {
		String watched = WATCHED.get(field);
		int watchedIndex = (watched != null) ? classes.indexOf(watched) : -1;
		double[] offsets = (watchedIndex >= 0) ? OFFSETS : new double[] { 0 };
		OperatingPoint best = null;
		for (double offset : offsets) {
			float[] offsetVector = new float[classes.size()];
			if (watchedIndex >= 0) {
				offsetVector[watchedIndex] = (float) offset;
			}
			OperatingPoint modelAlways = null;
			for (int step = 0; step <= 21; step++) {
				double t = (step == 21) ? 1.01 : step * 0.05;
				OperatingPoint choice = at(field, classes, docs, rows, outOfFold, temperature, fallbackLimit, t,
						offsetVector, category);
				if (step == 0) {
					modelAlways = choice;
				}
				else if (choice.shortfall >= modelAlways.shortfall - 1e-9
						&& choice.objective < modelAlways.objective + MIN_RULES_GAIN - 1e-9) {
					// the rules take over only where they are clearly better
					continue;
				}
				if (best == null || choice.shortfall < best.shortfall - 1e-9
						|| (choice.shortfall <= best.shortfall + 1e-9 && choice.objective > best.objective + 1e-9)) {
					best = choice;
				}
			}
		}
		return best;
	}

	/**
	 * The out-of-fold objective and shortfall of a field decided by the model where its
	 * probability, with the offsets, reaches {@code threshold}, and by the (non-hard)
	 * rules elsewhere; the playbook's value, given the category's out-of-fold scores,
	 * that of the most probable pair that fits, at its probability given that the two
	 * fit.
	 */
	static OperatingPoint at(String field, List<String> classes, List<ModelTrainer.Doc> docs, List<Integer> rows,
			double[][] outOfFold, double temperature, double fallbackLimit, double threshold, float[] offsets,
			FieldOutOfFold category) {
		String watched = WATCHED.get(field);
		int right = 0;
		int watchedLabels = 0;
		int watchedRight = 0;
		int watchedWrong = 0;
		int complaints = 0;
		for (int r = 0; r < rows.size(); r++) {
			ModelTrainer.Doc doc = docs.get(rows.get(r));
			String value = doc.rules().values().get(field);
			if (outOfFold[r] != null && !doc.rules().hard(field)) {
				double[] p = FieldClassifier.softmax(outOfFold[r], temperature, offsets);
				int top = FieldClassifier.best(p);
				double probability = p[top];
				double[] categoryScores = (category != null) ? category.of(rows.get(r)) : null;
				if (categoryScores != null) {
					PlaybookCategories.Fit fit = PlaybookCategories.mostProbableFitting(category.classes(),
							categoryScores, classes, FieldClassifier.scaled(outOfFold[r], temperature, offsets));
					top = fit.playbook();
					probability = fit.playbookProbability();
				}
				if (probability >= threshold) {
					value = classes.get(top);
				}
			}
			boolean ok = doc.example().accepts(field, value);
			right += ok ? 1 : 0;
			complaints += doc.example().complaint() ? 1 : 0;
			if (watched != null) {
				if (watched.equals(doc.example().label(field))) {
					watchedLabels++;
					watchedRight += ok ? 1 : 0;
				}
				else if (!ok && watched.equals(value) && doc.example().complaint()) {
					watchedWrong++;
				}
			}
		}
		double objective = (double) right / rows.size();
		double shortfall = 0;
		if ("churnRisk".equals(field) && watchedLabels > 0) {
			double recall = (double) watchedRight / watchedLabels;
			if (HIGH_RECALL_TARGET > 0) {
				shortfall = Math.max(0, HIGH_RECALL_TARGET - recall);
			}
			else {
				objective += HIGH_RECALL_WEIGHT * recall;
			}
		}
		if ("playbook".equals(field) && complaints > 0) {
			// over the complaints: a set of them is what the limit is for
			double wrongFallback = (double) watchedWrong / complaints;
			shortfall = Math.max(0, wrongFallback - fallbackLimit);
			objective -= FALLBACK_PENALTY * wrongFallback;
		}
		return new OperatingPoint(threshold, offsets, objective, shortfall);
	}

	/**
	 * The offsets of a classifier in force for the classes of a new one: a value the new
	 * one has and the old one lacks gets none.
	 */
	static float[] offsetsFor(FieldClassifier inForce, List<String> classes) {
		float[] old = inForce.offsets();
		float[] offsets = new float[classes.size()];
		for (int c = 0; c < classes.size(); c++) {
			int before = inForce.classes().indexOf(classes.get(c));
			offsets[c] = (before >= 0) ? old[before] : 0;
		}
		return offsets;
	}

	/**
	 * Whether this point, the one in force, stays instead of {@code best}: it meets the
	 * field's target as well and its objective is within {@link #KEEP_MARGIN} of the
	 * best's.
	 */
	boolean keptAgainst(OperatingPoint best) {
		return this.shortfall <= best.shortfall + 1e-9 && this.objective >= best.objective - KEEP_MARGIN - 1e-9;
	}

	/** The threshold and any offset, by value: {@code p >= 0.45, STANDARD_CARE -0.75}. */
	String describe(List<String> classes) {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "p >= %.2f", this.threshold));
		for (int c = 0; c < this.offsets.length; c++) {
			if (this.offsets[c] != 0) {
				text.append(String.format(Locale.ROOT, ", %s %+.2f", classes.get(c), this.offsets[c]));
			}
		}
		return text.toString();
	}

	/** Whether this point decides as {@code other} does (same threshold and offsets). */
	boolean samePoint(OperatingPoint other) {
		return Math.abs(this.threshold - other.threshold) < 1e-9 && Arrays.equals(this.offsets, other.offsets);
	}

	/** The value of a field whose errors weigh more, or null. */
	static String watched(String field) {
		return WATCHED.get(field);
	}

	/** The wrong-fallback limit of a language, as the training command is set. */
	static double fallbackLimit(Language language) {
		return fallbackLimit(FALLBACK_LIMITS, language);
	}

	/**
	 * A language's wrong-fallback limit in a setting such as {@link #FALLBACK_LIMITS}:
	 * one share for every language, or {@code LANGUAGE:share} pairs (the target for a
	 * language left out).
	 */
	static double fallbackLimit(String setting, Language language) {
		String limit = setting.contains(":") ? LanguageSetting.valueFor(setting, language) : setting.trim();
		return (limit != null) ? Double.parseDouble(limit) : FALLBACK_TARGET;
	}

}
