package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.NgramFeatures;
import com.complaintflow.triage.model.SparseVector;
import com.complaintflow.triage.model.Vocabulary;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Trains a {@link LanguageModel} with LIBLINEAR: the vocabulary (n-grams and rules
 * signals in at least {@code minDocs} texts), one L2-regularised logistic regression per
 * field, then on out-of-fold predictions of the training data the softmax temperature
 * (calibration) and the {@link OperatingPoint} (where the model decides instead of the
 * rules).
 */
public final class ModelTrainer {

	private final Options options;

	private final DenseFeatures dense;

	public ModelTrainer(Options options) {
		this(options, null);
	}

	/**
	 * A trainer that appends sentence embeddings to the n-grams of the fields they apply
	 * to (null: none), for cross-validation only.
	 */
	public ModelTrainer(Options options, DenseFeatures dense) {
		this.options = options;
		this.dense = dense;
		Linear.disableDebugOutput();
	}

	/**
	 * Training settings.
	 *
	 * @param maxVocabulary the most n-grams kept (the most frequent)
	 * @param minDocs an n-gram must occur in at least this many texts
	 * @param cost LIBLINEAR's C per field key (default under "*")
	 * @param innerFolds folds of the out-of-fold predictions for calibration and
	 * threshold
	 * @param seed shuffling seed
	 */
	public record Options(int maxVocabulary, int minDocs, Map<String, Double> cost, int innerFolds, long seed) {

		/**
		 * The settings the training command uses: C for every field
		 * ({@code -Dtriage.train.cost}, 16), or for one
		 * ({@code -Dtriage.train.cost.persona}).
		 */
		public static Options defaults() {
			Map<String, Double> cost = new HashMap<>();
			cost.put("*", Double.parseDouble(System.getProperty("triage.train.cost", "16")));
			for (String field : LabelledExample.FIELDS) {
				String value = System.getProperty("triage.train.cost." + field);
				if (value != null) {
					cost.put(field, Double.parseDouble(value));
				}
			}
			return new Options(Integer.getInteger("triage.train.vocabulary", 120_000), 2, Map.copyOf(cost),
					Integer.getInteger("triage.train.inner-folds", 3), 42);
		}

		double costOf(String field) {
			return this.cost.getOrDefault(field, this.cost.getOrDefault("*", 1.0));
		}

	}

	/** A training text: its example, folded text and the rules' outcome on it. */
	public record Doc(LabelledExample example, String folded, RuleOutcome rules) {

		public static Doc of(LabelledExample example, RuleOutcome rules) {
			return new Doc(example, NgramFeatures.fold(example.text()), rules);
		}

	}

	/**
	 * Trains a model of the language on the documents (without dense features: a model
	 * file holds n-gram and signal weights only).
	 */
	public LanguageModel train(Language language, List<Doc> docs, String version) {
		AugmentedModel trained = trainAugmented(language, docs, version);
		if (!trained.dense().isEmpty()) {
			throw new IllegalStateException(
					"a model trained with sentence embeddings cannot be written to a model file");
		}
		return trained.model();
	}

	/**
	 * Trains a model of the language on the documents, with the weights of the sentence
	 * embeddings for the fields that see them (none without dense features).
	 */
	public AugmentedModel trainAugmented(Language language, List<Doc> docs, String version) {
		NgramFeatures scheme = (language == Language.ZH) ? (CUES ? NgramFeatures.ZH_CUES_2 : NgramFeatures.ZH)
				: (CUES ? NgramFeatures.EN_CUES : NgramFeatures.EN);
		java.util.Set<String> signalFields = signalFields(language);
		Vocabulary vocabulary = vocabulary(scheme, docs, !signalFields.isEmpty());
		List<SparseVector> ngramsCues = docs.stream()
			.map((doc) -> SparseVector.ofFolded(doc.folded(), scheme, vocabulary))
			.toList();
		List<SparseVector> ngrams = ngramsCues.stream().map(SparseVector::withoutCues).toList();
		List<SparseVector> withSignals = new ArrayList<>();
		List<SparseVector> withSignalsCues = new ArrayList<>();
		for (int i = 0; i < docs.size(); i++) {
			withSignals.add(ngrams.get(i).withSignals(docs.get(i).rules().signals(), vocabulary));
			withSignalsCues.add(ngramsCues.get(i).withSignals(docs.get(i).rules().signals(), vocabulary));
		}
		boolean withDense = this.dense != null && this.dense.covers(language);
		float[][] embeddings = new float[docs.size()][];
		for (int i = 0; withDense && i < docs.size(); i++) {
			embeddings[i] = this.dense.of(docs.get(i).example());
		}
		List<SparseVector> none = docs.stream().map((doc) -> SparseVector.ofFolded("", scheme, vocabulary)).toList();
		Map<String, FieldClassifier> classifiers = new LinkedHashMap<>();
		Map<String, float[]> denseWeights = new LinkedHashMap<>();
		for (String field : LabelledExample.FIELDS) {
			boolean signals = signalFields.contains(field) || signalFields.contains("*");
			boolean denseField = withDense && this.dense.appliesTo(field);
			boolean cueField = CUE_FIELDS.contains(field);
			List<SparseVector> vectors = (denseField && this.dense.only()) ? none
					: signals ? (cueField ? withSignalsCues : withSignals) : (cueField ? ngramsCues : ngrams);
			Fitted fitted = trainField(language, field, docs, vectors, denseField ? embeddings : null,
					vocabulary.size());
			if (fitted != null) {
				classifiers.put(field, fitted.classifier());
				if (fitted.dense() != null) {
					denseWeights.put(field, fitted.dense());
				}
			}
		}
		return new AugmentedModel(new LanguageModel(language, version, scheme, vocabulary, classifiers), denseWeights,
				this.dense);
	}

	/**
	 * A field's classifier and, if it saw sentence embeddings, their weights
	 * ({@code dense[d * values + value]}).
	 */
	private record Fitted(FieldClassifier classifier, float[] dense) {

		double[] scores(SparseVector x, float[] embedding) {
			return AugmentedModel.plusDense(this.classifier.scores(x), this.dense, embedding);
		}

	}

	/**
	 * The n-grams in at least {@code minDocs} texts (the most frequent, at most
	 * {@code maxVocabulary}), then the rules signals fired in at least {@code minDocs}
	 * texts (if the language learns from them).
	 */
	private Vocabulary vocabulary(NgramFeatures scheme, List<Doc> docs, boolean withSignals) {
		Map<Long, int[]> signals = new HashMap<>();
		for (Doc doc : withSignals ? docs : List.<Doc>of()) {
			for (String signal : new java.util.HashSet<>(doc.rules().signals())) {
				signals.computeIfAbsent(NgramFeatures.signalHash(signal), (key) -> new int[1])[0]++;
			}
		}
		Map<Long, int[]> frequency = new HashMap<>();
		for (Doc doc : docs) {
			java.util.Set<Long> seen = new java.util.HashSet<>();
			scheme.forEach(doc.folded(), (hash, start, end, word) -> seen.add(hash));
			for (Long hash : seen) {
				frequency.computeIfAbsent(hash, (key) -> new int[1])[0]++;
			}
		}
		long[] kept = frequency.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[0] >= this.options.minDocs())
			.sorted((a, b) -> (a.getValue()[0] != b.getValue()[0]) ? Integer.compare(b.getValue()[0], a.getValue()[0])
					: Long.compare(a.getKey(), b.getKey()))
			.limit(this.options.maxVocabulary())
			.mapToLong(Map.Entry::getKey)
			.sorted()
			.toArray();
		long[] keptSignals = signals.entrySet()
			.stream()
			.filter((entry) -> entry.getValue()[0] >= this.options.minDocs())
			.mapToLong(Map.Entry::getKey)
			.filter((hash) -> java.util.Arrays.binarySearch(kept, hash) < 0)
			.sorted()
			.toArray();
		long[] all = java.util.Arrays.copyOf(kept, kept.length + keptSignals.length);
		System.arraycopy(keptSignals, 0, all, kept.length, keptSignals.length);
		return new Vocabulary(all);
	}

	/**
	 * Trains one field; {@code embeddings} per document (a row may be null), or null when
	 * the field sees none.
	 */
	private Fitted trainField(Language language, String field, List<Doc> docs, List<SparseVector> vectors,
			float[][] embeddings, int features) {
		List<Integer> rows = new ArrayList<>();
		TreeSet<String> seen = new TreeSet<>();
		for (int i = 0; i < docs.size(); i++) {
			String label = docs.get(i).example().label(field);
			if (label != null) {
				rows.add(i);
				seen.add(label);
			}
		}
		if (seen.size() < 2) {
			return null;
		}
		List<String> classes = new ArrayList<>(seen);
		double cost = this.options.costOf(field);
		// out-of-fold scores, for calibration and the threshold
		double[][] outOfFold = new double[rows.size()][];
		List<Integer> order = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			order.add(r);
		}
		java.util.Collections.shuffle(order, new Random(this.options.seed()));
		int folds = Math.min(this.options.innerFolds(), rows.size());
		for (int fold = 0; fold < folds; fold++) {
			List<Integer> train = new ArrayList<>();
			List<Integer> held = new ArrayList<>();
			for (int k = 0; k < order.size(); k++) {
				((k % folds == fold) ? held : train).add(order.get(k));
			}
			Fitted inner = fit(field, classes, docs, vectors, embeddings, rows, train, features, cost);
			if (inner == null) {
				continue;
			}
			for (int r : held) {
				outOfFold[r] = inner.scores(vectors.get(rows.get(r)), embedding(embeddings, rows.get(r)));
			}
		}
		double temperature = temperature(field, classes, docs, rows, outOfFold);
		OperatingPoint point = OperatingPoint.choose(field, classes, docs, rows, outOfFold, temperature,
				OperatingPoint.fallbackLimit(language));
		List<Integer> all = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			all.add(r);
		}
		Fitted full = fit(field, classes, docs, vectors, embeddings, rows, all, features, cost);
		return (full != null) ? new Fitted(
				full.classifier().calibrated(temperature, point.threshold(), point.offsets()), full.dense()) : null;
	}

	private static float[] embedding(float[][] embeddings, int doc) {
		return (embeddings != null) ? embeddings[doc] : null;
	}

	/** The length of the embeddings (0 if none). */
	private static int dimensions(float[][] embeddings) {
		for (int i = 0; embeddings != null && i < embeddings.length; i++) {
			if (embeddings[i] != null) {
				return embeddings[i].length;
			}
		}
		return 0;
	}

	/**
	 * Trains on the given rows (indexes into {@code rows}); null if one value only. The
	 * embedding of a text, if any, follows its n-grams as features
	 * {@code features + 1 ... features + d}, before the bias.
	 */
	private Fitted fit(String field, List<String> classes, List<Doc> docs, List<SparseVector> vectors,
			float[][] embeddings, List<Integer> rows, List<Integer> subset, int features, double cost) {
		int dimensions = dimensions(embeddings);
		int total = features + dimensions;
		Problem problem = new Problem();
		problem.l = subset.size();
		problem.n = total + 1;
		problem.bias = 1;
		problem.x = new Feature[subset.size()][];
		problem.y = new double[subset.size()];
		TreeSet<Integer> present = new TreeSet<>();
		for (int i = 0; i < subset.size(); i++) {
			int doc = rows.get(subset.get(i));
			SparseVector x = vectors.get(doc);
			float[] embedding = embedding(embeddings, doc);
			int sparse = x.ids().length;
			int dense = (embedding != null) ? dimensions : 0;
			Feature[] nodes = new Feature[sparse + dense + 1];
			for (int k = 0; k < sparse; k++) {
				nodes[k] = new FeatureNode(x.ids()[k] + 1, x.values()[k]);
			}
			// LIBLINEAR wants ascending indexes; the embedding follows, the bias is the
			// last
			Arrays.sort(nodes, 0, sparse, java.util.Comparator.comparingInt(Feature::getIndex));
			for (int d = 0; d < dense; d++) {
				nodes[sparse + d] = new FeatureNode(features + 1 + d, embedding[d]);
			}
			nodes[sparse + dense] = new FeatureNode(total + 1, 1.0);
			problem.x[i] = nodes;
			int label = classes.indexOf(docs.get(doc).example().label(field));
			problem.y[i] = label;
			present.add(label);
		}
		if (present.size() < 2) {
			return null;
		}
		if (RATIO_FIELDS.contains(field)) {
			return fitWithRatios(field, classes, problem, features, dimensions, cost);
		}
		Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1);
		String watched = OperatingPoint.watched(field);
		if ("churnRisk".equals(field) && HIGH_CLASS_WEIGHT != 1 && classes.contains(watched)) {
			// errors on churn HIGH cost more in training, for recall
			parameter.setWeights(new double[] { HIGH_CLASS_WEIGHT }, new int[] { classes.indexOf(watched) });
		}
		Model model = Linear.train(problem, parameter);
		int[] labels = model.getLabels();
		int perFeature = (model.getNrClass() == 2) ? 1 : model.getNrClass();
		double[] w = model.getFeatureWeights();
		int n = classes.size();
		float[] weights = new float[features * n];
		float[] dense = (dimensions > 0) ? new float[dimensions * n] : null;
		float[] bias = new float[n];
		Arrays.fill(bias, -1e4f);
		for (int k = 0; k < labels.length; k++) {
			int c = labels[k];
			int column = (perFeature == 1) ? 0 : k;
			float sign = (perFeature == 1 && k == 1) ? -1f : 1f;
			for (int j = 0; j < features; j++) {
				weights[j * n + c] = sign * (float) w[j * perFeature + column];
			}
			for (int d = 0; d < dimensions; d++) {
				dense[d * n + c] = sign * (float) w[(features + d) * perFeature + column];
			}
			bias[c] = sign * (float) w[total * perFeature + column];
		}
		return new Fitted(new FieldClassifier(field, classes, weights, bias, 1.0, 1.0, new float[n]), dense);
	}

	/**
	 * One-vs-rest logistic regressions over features scaled per value by their log-count
	 * ratio (NB-SVM, Wang and Manning 2012): for value c,
	 * {@code r[j] = log((a[j] / |a|) / (b[j] / |b|))} where a and b count the texts with
	 * feature j among those labelled c and the others (plus one). The ratio is folded
	 * into the weights ({@code w[j] * r[j]}), so a decision reads the same features as
	 * any model. The embedding's features ({@code dimensions} after the n-grams) are not
	 * scaled.
	 */
	private static Fitted fitWithRatios(String field, List<String> classes, Problem problem, int features,
			int dimensions, double cost) {
		int n = classes.size();
		float[] weights = new float[features * n];
		float[] dense = (dimensions > 0) ? new float[dimensions * n] : null;
		float[] bias = new float[n];
		Arrays.fill(bias, -1e4f);
		for (int c = 0; c < n; c++) {
			double[] ratio = logCountRatio(problem, features, c);
			Problem binary = new Problem();
			binary.l = problem.l;
			binary.n = problem.n;
			binary.bias = problem.bias;
			binary.x = new Feature[problem.l][];
			binary.y = new double[problem.l];
			boolean positive = false;
			for (int i = 0; i < problem.l; i++) {
				Feature[] nodes = problem.x[i];
				Feature[] scaled = new Feature[nodes.length];
				for (int k = 0; k < nodes.length; k++) {
					int j = nodes[k].getIndex();
					scaled[k] = (j <= features) ? new FeatureNode(j, nodes[k].getValue() * ratio[j - 1]) : nodes[k];
				}
				binary.x[i] = scaled;
				binary.y[i] = (problem.y[i] == c) ? 1 : 0;
				positive |= problem.y[i] == c;
			}
			if (!positive) {
				continue;
			}
			Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1);
			if ("churnRisk".equals(field) && classes.get(c).equals(OperatingPoint.watched(field))) {
				// as LIBLINEAR's own one-vs-rest: the watched value's examples weigh more
				parameter.setWeights(new double[] { HIGH_CLASS_WEIGHT }, new int[] { 1 });
			}
			Model model = Linear.train(binary, parameter);
			// LIBLINEAR's one weight vector scores its first label
			float sign = (model.getLabels()[0] == 1) ? 1f : -1f;
			double[] w = model.getFeatureWeights();
			for (int j = 0; j < features; j++) {
				weights[j * n + c] = sign * (float) (w[j] * ratio[j]);
			}
			for (int d = 0; d < dimensions; d++) {
				dense[d * n + c] = sign * (float) w[features + d];
			}
			bias[c] = sign * (float) w[features + dimensions];
		}
		return new Fitted(new FieldClassifier(field, classes, weights, bias, 1.0, 1.0, new float[n]), dense);
	}

	/** The log-count ratio of every feature for one value against the others. */
	static double[] logCountRatio(Problem problem, int features, int value) {
		double[] with = new double[features];
		double[] without = new double[features];
		Arrays.fill(with, 1);
		Arrays.fill(without, 1);
		for (int i = 0; i < problem.l; i++) {
			double[] counts = (problem.y[i] == value) ? with : without;
			for (Feature node : problem.x[i]) {
				if (node.getIndex() <= features) {
					counts[node.getIndex() - 1]++;
				}
			}
		}
		double sumWith = Arrays.stream(with).sum();
		double sumWithout = Arrays.stream(without).sum();
		double[] ratio = new double[features];
		for (int j = 0; j < features; j++) {
			ratio[j] = Math.log((with[j] / sumWith) / (without[j] / sumWithout));
		}
		return ratio;
	}

	/**
	 * The fields trained on log-count-ratio scaled features
	 * ({@code -Dtriage.train.ratios}, comma-separated; chosen by cross-validation, see
	 * docs/triage.md).
	 */
	private static final java.util.Set<String> RATIO_FIELDS = java.util.Set
		.of(System.getProperty("triage.train.ratios", "category,playbook").split(","));

	/** The softmax temperature that minimises the out-of-fold log loss. */
	private static double temperature(String field, List<String> classes, List<Doc> docs, List<Integer> rows,
			double[][] outOfFold) {
		double best = 1;
		double bestLoss = Double.MAX_VALUE;
		for (double t = 0.05; t <= 5.0; t *= 1.15) {
			double loss = 0;
			for (int r = 0; r < rows.size(); r++) {
				if (outOfFold[r] == null) {
					continue;
				}
				int label = classes.indexOf(docs.get(rows.get(r)).example().label(field));
				double[] p = FieldClassifier.softmax(outOfFold[r], t, null);
				loss -= Math.log(Math.max(1e-12, p[label]));
			}
			if (loss < bestLoss) {
				bestLoss = loss;
				best = t;
			}
		}
		return best;
	}

	/** The weight of churn-HIGH examples in training (C times this for HIGH). */
	private static final double HIGH_CLASS_WEIGHT = Double
		.parseDouble(System.getProperty("triage.train.high-class-weight", "3"));

	/**
	 * The fields per language that learn from the rules' signals besides the n-grams
	 * ({@code -Dtriage.train.signals}; chosen by cross-validation: in English the signals
	 * help persona, churn and emotion but cost category and playbook a point, and move
	 * nature and root cause either way).
	 */
	private static final String SIGNAL_FIELDS = System.getProperty("triage.train.signals",
			"EN:persona,churnRisk,emotion;ZH:*");

	/**
	 * Whether the models read the windows around words of leaving
	 * ({@code -Dtriage.train.cues=false} trains the schemes without them, as before
	 * 2026-12-04).
	 */
	private static final boolean CUES = !"false".equals(System.getProperty("triage.train.cues"));

	/**
	 * The fields that read those windows ({@code -Dtriage.train.cue-fields}; chosen by
	 * cross-validation: churn only, since the block cost category and playbook a point).
	 */
	private static final java.util.Set<String> CUE_FIELDS = java.util.Set
		.of(System.getProperty("triage.train.cue-fields", "churnRisk").split(","));

	/** The fields of a language whose classifiers see the rules' signals. */
	static java.util.Set<String> signalFields(Language language) {
		String fields = LanguageSetting.valueFor(SIGNAL_FIELDS, language);
		return (fields != null) ? java.util.Set.of(fields.split(",")) : java.util.Set.of();
	}

}
