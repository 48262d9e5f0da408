package com.complaintflow.triage.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Explanation;
import com.complaintflow.events.Language;
import com.complaintflow.events.ModelReason;
import com.complaintflow.triage.rules.Advice;

/**
 * The learned triage model of one language: its n-gram vocabulary and one classifier per
 * decision field. All fields' weights share one feature-major matrix, so a decision reads
 * each n-gram's weights for every field from one place in memory. Immutable and
 * thread-safe.
 */
public final class LanguageModel {

	private final Language language;

	private final String version;

	private final NgramFeatures scheme;

	private final Vocabulary vocabulary;

	private final Map<String, FieldClassifier> classifiers;

	private final List<FieldClassifier> ordered;

	private final int[] offsets;

	private final float[] matrix;

	private final int stride;

	/** The positions of the category's and the playbook's classifiers, or -1. */
	private final int category;

	private final int playbook;

	/**
	 * A model.
	 * @param language the language it reads
	 * @param version the version quoted in explanations and status
	 * @param scheme how n-grams are taken
	 * @param vocabulary the known n-grams
	 * @param classifiers field key to classifier
	 */
	public LanguageModel(Language language, String version, NgramFeatures scheme, Vocabulary vocabulary,
			Map<String, FieldClassifier> classifiers) {
		this.language = language;
		this.version = version;
		this.scheme = scheme;
		this.vocabulary = vocabulary;
		int features = vocabulary.size();
		int stride = 0;
		for (FieldClassifier classifier : classifiers.values()) {
			if (classifier.features() != features) {
				throw new IllegalArgumentException("field " + classifier.field() + " covers " + classifier.features()
						+ " features, the vocabulary " + features);
			}
			stride += classifier.classes().size();
		}
		this.stride = stride;
		this.matrix = new float[features * stride];
		this.offsets = new int[classifiers.size()];
		Map<String, FieldClassifier> shared = new LinkedHashMap<>();
		List<FieldClassifier> ordered = new ArrayList<>();
		int offset = 0;
		int i = 0;
		for (FieldClassifier classifier : classifiers.values()) {
			int n = classifier.classes().size();
			for (int f = 0; f < features; f++) {
				for (int c = 0; c < n; c++) {
					this.matrix[f * stride + offset + c] = classifier.weight(f, c);
				}
			}
			FieldClassifier view = classifier.sharing(this.matrix, stride, offset);
			shared.put(classifier.field(), view);
			ordered.add(view);
			this.offsets[i++] = offset;
			offset += n;
		}
		this.classifiers = Collections.unmodifiableMap(shared);
		this.ordered = List.copyOf(ordered);
		List<String> keys = List.copyOf(shared.keySet());
		this.category = keys.indexOf("category");
		this.playbook = keys.indexOf("playbook");
	}

	/**
	 * The model's advice for every field it classifies: one pass over the text's n-grams
	 * for all fields' scores, one more for the n-grams that weighed most for each field's
	 * most probable value, and for its next where the console may suggest it (the model
	 * under 50 % sure, or below its threshold, so that the rules decide). The category
	 * and the playbook are the most probable pair that fits (a playbook of one category
	 * never comes with another, see {@link PlaybookCategories}), and the playbook's next
	 * value fits the category too.
	 */
	public Map<String, Advice> advise(String text) {
		return advise(text, List.of());
	}

	/**
	 * The model's advice on a text whose rules fired the given signals (a model trained
	 * without signal features ignores them).
	 */
	public Map<String, Advice> advise(String text, List<String> signals) {
		SparseVector x = SparseVector.of(text, signals, this.scheme, this.vocabulary);
		int[] ids = x.ids();
		double[] values = x.values();
		double[] sums = new double[this.stride];
		for (int k = 0; k < ids.length; k++) {
			int base = ids[k] * this.stride;
			if (base + this.stride > this.matrix.length) {
				continue;
			}
			double value = values[k];
			for (int j = 0; j < this.stride; j++) {
				sums[j] += this.matrix[base + j] * value;
			}
		}
		int fields = this.ordered.size();
		FieldClassifier.Ranking[] ranking = new FieldClassifier.Ranking[fields];
		// evidence for each field's most probable value, and for the next where the
		// console may suggest it (a field staff check, the model unsure or not deciding):
		// columns into the matrix, each with its own top features
		int[] evidenceColumn = new int[2 * fields];
		boolean[] withNext = new boolean[fields];
		int evidenced = 0;
		for (int i = 0; i < fields; i++) {
			ranking[i] = this.ordered.get(i).rankFromSums(sums);
		}
		ModelReason.Next[] alone = fitPlaybookToCategory(ranking, sums);
		fitNextPlaybookToCategory(ranking, sums);
		for (int i = 0; i < fields; i++) {
			FieldClassifier classifier = this.ordered.get(i);
			boolean decides = ranking[i].probability() >= classifier.threshold();
			evidenceColumn[evidenced++] = this.offsets[i] + ranking[i].best();
			withNext[i] = ranking[i].second() >= 0 && DecisionCorrected.FIELDS.containsKey(classifier.field())
					&& (!decides || Explanation.unsure(ranking[i].probability()));
			if (withNext[i]) {
				evidenceColumn[evidenced++] = this.offsets[i] + ranking[i].second();
			}
		}
		int[][] top = new int[evidenced][FieldClassifier.EVIDENCE];
		double[][] weight = new double[evidenced][FieldClassifier.EVIDENCE];
		int[] found = new int[evidenced];
		for (int k = 0; k < ids.length; k++) {
			int base = ids[k] * this.stride;
			if (base + this.stride > this.matrix.length) {
				continue;
			}
			for (int e = 0; e < evidenced; e++) {
				found[e] = FieldClassifier.offer(top[e], weight[e], found[e], k,
						this.matrix[base + evidenceColumn[e]] * values[k]);
			}
		}
		Map<String, Advice> advice = new LinkedHashMap<>();
		int e = 0;
		for (int i = 0; i < fields; i++) {
			FieldClassifier classifier = this.ordered.get(i);
			List<ModelReason.Weighed> evidence = FieldClassifier.evidence(x, top[e], weight[e], found[e]);
			e++;
			int second = ranking[i].second();
			ModelReason.Next next = null;
			List<ModelReason.Weighed> nextEvidence = List.of();
			if (second >= 0) {
				next = new ModelReason.Next(classifier.classes().get(second), ranking[i].secondProbability());
				if (withNext[i]) {
					nextEvidence = FieldClassifier.evidence(x, top[e], weight[e], found[e]);
					e++;
				}
			}
			advice.put(classifier.field(),
					new Advice(classifier.classes().get(ranking[i].best()), ranking[i].probability(),
							classifier.threshold(), evidence, this.version, next, nextEvidence, alone[i]));
		}
		return advice;
	}

	/**
	 * Where the most probable playbook belongs to another category than the most probable
	 * one (NETWORK_FAULT with SERVICE_ATTITUDE), ranks first the category and playbook
	 * that fit each other and are together most probable, each at its probability given
	 * that the two fit ({@link PlaybookCategories}); returns per field the most probable
	 * value alone where another was taken, else null.
	 */
	private ModelReason.Next[] fitPlaybookToCategory(FieldClassifier.Ranking[] ranking, double[] sums) {
		ModelReason.Next[] alone = new ModelReason.Next[ranking.length];
		if (this.category < 0 || this.playbook < 0) {
			return alone;
		}
		FieldClassifier categories = this.ordered.get(this.category);
		FieldClassifier playbooks = this.ordered.get(this.playbook);
		if (PlaybookCategories.fit(categories.classes().get(ranking[this.category].best()),
				playbooks.classes().get(ranking[this.playbook].best()))) {
			return alone;
		}
		double[] categoryScores = categories.scaledFromSums(sums);
		double[] playbookScores = playbooks.scaledFromSums(sums);
		PlaybookCategories.Fit fit = PlaybookCategories.mostProbableFitting(categories.classes(), categoryScores,
				playbooks.classes(), playbookScores);
		refit(ranking, alone, this.category, categoryScores, fit.category(), fit.categoryProbability());
		refit(ranking, alone, this.playbook, playbookScores, fit.playbook(), fit.playbookProbability());
		return alone;
	}

	/**
	 * Ranks a field's fitting value first, at the probability the fit states, where it is
	 * not its most probable alone.
	 */
	private void refit(FieldClassifier.Ranking[] ranking, ModelReason.Next[] alone, int field, double[] scores,
			int fitting, double probability) {
		FieldClassifier.Ranking own = ranking[field];
		if (fitting != own.best()) {
			alone[field] = new ModelReason.Next(this.ordered.get(field).classes().get(own.best()), own.probability());
			ranking[field] = FieldClassifier.rankChosen(scores, fitting, probability, (value) -> true);
		}
	}

	/**
	 * Ranks next after the playbook the most probable other playbook that fits the
	 * category, since the console suggests it and a playbook goes by the category
	 * (LABELLING.md section 4, step 6): it never offers the network-fault steps for a
	 * complaint about attitude. The category's next is left free: a staff member who
	 * changes the category may then need another playbook too.
	 */
	private void fitNextPlaybookToCategory(FieldClassifier.Ranking[] ranking, double[] sums) {
		if (this.category < 0 || this.playbook < 0) {
			return;
		}
		String category = this.ordered.get(this.category).classes().get(ranking[this.category].best());
		FieldClassifier playbooks = this.ordered.get(this.playbook);
		FieldClassifier.Ranking own = ranking[this.playbook];
		if (own.second() >= 0 && !PlaybookCategories.fit(category, playbooks.classes().get(own.second()))) {
			ranking[this.playbook] = FieldClassifier.rankChosen(playbooks.scaledFromSums(sums), own.best(),
					own.probability(), (value) -> PlaybookCategories.fit(category, playbooks.classes().get(value)));
		}
	}

	/** The text's features under this model's vocabulary. */
	public SparseVector features(String text) {
		return SparseVector.of(text, this.scheme, this.vocabulary);
	}

	/** The fields it classifies. */
	public List<String> fields() {
		return List.copyOf(this.classifiers.keySet());
	}

	public Language language() {
		return this.language;
	}

	public String version() {
		return this.version;
	}

	public NgramFeatures scheme() {
		return this.scheme;
	}

	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/** Field key to classifier, in the model's order. */
	public Map<String, FieldClassifier> classifiers() {
		return this.classifiers;
	}

}
