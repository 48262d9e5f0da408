package com.complaintflow.triage.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.complaintflow.events.Category;
import com.complaintflow.events.Playbook;

/**
 * The playbooks that belong to categories ({@link Playbook#goesWith}: LABELLING.md
 * section 4, step 6), and the model's most probable category and playbook that fit each
 * other.
 */
public final class PlaybookCategories {

	/**
	 * The playbooks that do not go with every category, each to the categories it goes
	 * with ({@link Playbook#goesWith}), by name.
	 */
	private static final Map<String, Set<String>> BELONGS_TO = belongsTo();

	private PlaybookCategories() {
	}

	/** Whether a playbook may go with a category: it belongs to none, or to that one. */
	public static boolean fit(String category, String playbook) {
		Set<String> categories = BELONGS_TO.get(playbook);
		return categories == null || categories.contains(category);
	}

	private static Map<String, Set<String>> belongsTo() {
		Map<String, Set<String>> belongsTo = new HashMap<>();
		for (Playbook playbook : Playbook.values()) {
			Set<String> categories = Arrays.stream(Category.values())
				.filter(playbook::goesWith)
				.map(Category::name)
				.collect(Collectors.toUnmodifiableSet());
			if (categories.size() < Category.values().length) {
				belongsTo.put(playbook.name(), categories);
			}
		}
		return Map.copyOf(belongsTo);
	}

	/**
	 * The category and playbook, as indexes into their classes, whose probabilities
	 * multiply highest among the pairs that fit (the first of equals, so without a misfit
	 * each field's most probable value), each with the probability to state: its own
	 * where it is the field's most probable value alone, else its probability given that
	 * the two fit (the two models' product over the pairs that fit, normalised). Each
	 * field's scores are its log-probabilities up to a constant (its scaled scores before
	 * the softmax will do).
	 */
	public static Fit mostProbableFitting(List<String> categories, double[] categoryScores, List<String> playbooks,
			double[] playbookScores) {
		int bestCategory = -1;
		int bestPlaybook = -1;
		double best = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < categories.size(); c++) {
			for (int p = 0; p < playbooks.size(); p++) {
				double score = categoryScores[c] + playbookScores[p];
				if ((bestCategory < 0 || score > best) && fit(categories.get(c), playbooks.get(p))) {
					bestCategory = c;
					bestPlaybook = p;
					best = score;
				}
			}
		}
		double all = 0;
		double withCategory = 0;
		double withPlaybook = 0;
		for (int c = 0; c < categories.size(); c++) {
			for (int p = 0; p < playbooks.size(); p++) {
				if (fit(categories.get(c), playbooks.get(p))) {
					double mass = Math.exp(categoryScores[c] + playbookScores[p] - best);
					all += mass;
					withCategory += (c == bestCategory) ? mass : 0;
					withPlaybook += (p == bestPlaybook) ? mass : 0;
				}
			}
		}
		return new Fit(bestCategory, bestPlaybook, stated(categoryScores, bestCategory, withCategory / all),
				stated(playbookScores, bestPlaybook, withPlaybook / all));
	}

	/**
	 * A value's own probability where it is its field's most probable (the first of
	 * equals), else its probability given the fit.
	 */
	private static double stated(double[] scores, int value, double givenFit) {
		double max = scores[0];
		int best = 0;
		for (int c = 1; c < scores.length; c++) {
			if (scores[c] > max) {
				max = scores[c];
				best = c;
			}
		}
		if (value != best) {
			return givenFit;
		}
		double sum = 0;
		for (double score : scores) {
			sum += Math.exp(score - max);
		}
		return 1 / sum;
	}

	/**
	 * The category and playbook that fit, as indexes into their classes, with the
	 * probability each states.
	 */
	public record Fit(int category, int playbook, double categoryProbability, double playbookProbability) {
	}

}
