package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.complaintflow.triage.rules.Advice;

/**
 * How many labelled texts a cross-validation fold may train on, to measure what more
 * labels would buy: a seeded share of the fold's corpus rows
 * ({@code -Dtriage.train.fraction}, default all), and then, optionally, K more of the
 * rest as a supervisor's review would add them ({@code -Dtriage.train.add=K}): the K the
 * first model was least sure of on one field ({@code -Dtriage.train.add-by=least-sure},
 * {@code -Dtriage.train.add-field}, default category: what
 * {@code GET /api/v1/triage/review} lists) or K at random ({@code random}).
 * Cross-validation only: the model files always train on every row.
 *
 * @param fraction the share of the corpus rows trained on first (0 to 1)
 * @param add how many rows are added after the first training (0: none)
 * @param leastSure whether the added rows are the least sure ones (else random)
 * @param field the field whose confidence ranks the rows
 */
record LabelBudget(double fraction, int add, boolean leastSure, String field) {

	/** Every row at once: the product's cross-validation. */
	static final LabelBudget ALL = new LabelBudget(1, 0, true, "category");

	/** The budget the system properties give. */
	static LabelBudget fromProperties() {
		return of(System.getProperty("triage.train.fraction", "1"), System.getProperty("triage.train.add", "0"),
				System.getProperty("triage.train.add-by", "least-sure"),
				System.getProperty("triage.train.add-field", "category"));
	}

	/** A budget from the properties' values; a value out of range is refused. */
	static LabelBudget of(String fraction, String add, String by, String field) {
		double share = Double.parseDouble(fraction);
		int more = Integer.parseInt(add);
		if (!(share > 0 && share <= 1) || more < 0 || !List.of("least-sure", "random").contains(by)
				|| !LabelledExample.FIELDS.contains(field)) {
			throw new IllegalArgumentException("triage.train.fraction must be in (0, 1], triage.train.add >= 0, "
					+ "triage.train.add-by least-sure or random, triage.train.add-field a field");
		}
		return new LabelBudget(share, more, by.equals("least-sure"), field);
	}

	/** Whether every row is trained on at once (the default). */
	boolean all() {
		return this.fraction >= 1 && this.add == 0;
	}

	/**
	 * The rows trained on first, then the rest in random order (both seeded by the fold);
	 * with the whole share, the rows as they are and no rest.
	 */
	List<List<LabelledExample>> split(List<LabelledExample> rows, long seed) {
		if (this.fraction >= 1) {
			return List.of(rows, List.of());
		}
		List<LabelledExample> shuffled = new ArrayList<>(rows);
		Collections.shuffle(shuffled, new Random(seed));
		int first = (int) Math.round(this.fraction * shuffled.size());
		return List.of(shuffled.subList(0, first), shuffled.subList(first, shuffled.size()));
	}

	/**
	 * The rows to add from the rest: the least sure by the first model's advice on
	 * {@link #field} (the most probable value's probability), or the first of the
	 * shuffled rest.
	 */
	List<LabelledExample> chooseFrom(List<LabelledExample> rest, Map<LabelledExample, Advice> advice) {
		List<LabelledExample> ranked = new ArrayList<>(rest);
		if (this.leastSure) {
			ranked.sort(Comparator.comparingDouble((example) -> advice.get(example).probability()));
		}
		return ranked.subList(0, Math.min(this.add, ranked.size()));
	}

	@Override
	public String toString() {
		return Math.round(this.fraction * 100) + " % of each fold's corpus rows first" + ((this.add > 0) ? ", then "
				+ this.add + " more chosen " + (this.leastSure ? "least sure on " + this.field : "at random") : "");
	}

}
