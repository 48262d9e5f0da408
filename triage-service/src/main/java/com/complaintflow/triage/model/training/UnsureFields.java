package com.complaintflow.triage.model.training;

import java.util.List;
import java.util.Locale;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Explanation;

/**
 * How often held-out decisions hold a field staff correct that triage was unsure of, per
 * confidence threshold: how many cases the console would ask about, how many of the wrong
 * fields those questions reach, and how often the value the console suggests (the model's
 * most likely other than the one decided, as the decision's explanation carries it) is
 * the right one where an asked field is wrong.
 */
public final class UnsureFields {

	/** The thresholds compared; {@link Explanation#UNSURE_BELOW} is the console's. */
	static final List<Double> THRESHOLDS = List.of(0.3, 0.4, Explanation.UNSURE_BELOW, 0.6, 0.7);

	private final int[] asked = new int[THRESHOLDS.size()];

	private final int[] fieldsAsked = new int[THRESHOLDS.size()];

	private final int[] askedScored = new int[THRESHOLDS.size()];

	private final int[] askedWrong = new int[THRESHOLDS.size()];

	private final int[] askedWrongNextRight = new int[THRESHOLDS.size()];

	private final int[] askedSuggested = new int[THRESHOLDS.size()];

	private int texts;

	private int scored;

	private int wrong;

	/**
	 * Adds one held-out text, its label and the decision the service would make (a field
	 * its explanation suggests nothing for has no next value).
	 */
	void add(LabelledExample example, RuleOutcome decided) {
		this.texts++;
		for (int at = 0; at < THRESHOLDS.size(); at++) {
			boolean any = false;
			for (String field : DecisionCorrected.FIELDS.keySet()) {
				Double confidence = decided.confidence().get(field);
				if (confidence == null || confidence >= THRESHOLDS.get(at)) {
					continue;
				}
				any = true;
				this.fieldsAsked[at]++;
				if (example.label(field) != null) {
					this.askedScored[at]++;
					String suggestion = decided.suggestion(field);
					this.askedSuggested[at] += (suggestion != null) ? 1 : 0;
					if (wrong(example, decided, field)) {
						this.askedWrong[at]++;
						if (suggestion != null && example.accepts(field, suggestion)) {
							this.askedWrongNextRight[at]++;
						}
					}
				}
			}
			this.asked[at] += any ? 1 : 0;
		}
		for (String field : DecisionCorrected.FIELDS.keySet()) {
			if (example.label(field) != null) {
				this.scored++;
				this.wrong += wrong(example, decided, field) ? 1 : 0;
			}
		}
	}

	/** The share of texts with a field below the threshold at {@code at}. */
	double askedShare(int at) {
		return (this.texts > 0) ? (double) this.asked[at] / this.texts : 0;
	}

	/** The share of the fields asked about that were wrong. */
	double wrongWhenAsked(int at) {
		return (this.askedScored[at] > 0) ? (double) this.askedWrong[at] / this.askedScored[at] : 0;
	}

	/** The share of the other fields that were wrong. */
	double wrongWhenNotAsked(int at) {
		int notAsked = this.scored - this.askedScored[at];
		return (notAsked > 0) ? (double) (this.wrong - this.askedWrong[at]) / notAsked : 0;
	}

	/** The share of all wrong fields that a question reaches. */
	double wrongReached(int at) {
		return (this.wrong > 0) ? (double) this.askedWrong[at] / this.wrong : 0;
	}

	/**
	 * Of the asked fields that were wrong, the share whose next most likely value is
	 * right.
	 */
	double nextRightWhenWrong(int at) {
		return (this.askedWrong[at] > 0) ? (double) this.askedWrongNextRight[at] / this.askedWrong[at] : 0;
	}

	/**
	 * Of the asked fields with a suggestion, the share a reader who knows the right value
	 * would correct to it (the field wrong, the suggestion right): the share of the
	 * console's suggestions staff reading each complaint take.
	 */
	double takenByAReader(int at) {
		return (this.askedSuggested[at] > 0) ? (double) this.askedWrongNextRight[at] / this.askedSuggested[at] : 0;
	}

	/** One Markdown table row per threshold. */
	String rows(String set) {
		StringBuilder rows = new StringBuilder();
		for (int at = 0; at < THRESHOLDS.size(); at++) {
			double threshold = THRESHOLDS.get(at);
			rows.append(String.format(Locale.ROOT,
					"| %s | %.0f %%%s | %.1f %% | %.2f | %.1f %% | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n", set,
					100 * threshold, (threshold == Explanation.UNSURE_BELOW) ? " (the console's)" : "",
					100 * askedShare(at), (this.texts > 0) ? (double) this.fieldsAsked[at] / this.texts : 0,
					100 * wrongWhenAsked(at), 100 * wrongWhenNotAsked(at), 100 * wrongReached(at),
					100 * nextRightWhenWrong(at), 100 * takenByAReader(at)));
		}
		return rows.toString();
	}

	private static boolean wrong(LabelledExample example, RuleOutcome decided, String field) {
		return !example.accepts(field, decided.values().get(field));
	}

}
