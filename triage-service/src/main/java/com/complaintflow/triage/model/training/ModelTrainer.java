package com.complaintflow.triage.model.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.NgramFeatures;
import com.complaintflow.triage.model.SparseVector;
import com.complaintflow.triage.model.Vocabulary;
import de.bwaldvogel.liblinear.Linear;

/**
 * Trains a {@link LanguageModel}: the vocabulary (n-grams and rules signals in at least
 * {@code minDocs} texts), then per field a {@link FieldFit} (LIBLINEAR), and on its
 * out-of-fold predictions of the training data the {@link SoftmaxTemperature}
 * (calibration) and the {@link OperatingPoint} (where the model decides instead of the
 * rules).
 */
public final class ModelTrainer {

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
	private static final Set<String> CUE_FIELDS = Set
		.of(System.getProperty("triage.train.cue-fields", "churnRisk").split(","));

	private final Options options;

	private final DenseFeatures dense;

	/**
	 * The models in force, per language: their operating points stay within the noise.
	 */
	private final Map<Language, LanguageModel> inForce;

	/** What each kept or replaced operating point of a model in force was, in order. */
	private final List<String> operatingPoints = Collections.synchronizedList(new ArrayList<>());

	public ModelTrainer(Options options) {
		this(options, null);
	}

	/**
	 * A trainer that appends sentence embeddings to the n-grams of the fields they apply
	 * to (null: none), for cross-validation only.
	 */
	public ModelTrainer(Options options, DenseFeatures dense) {
		this(options, dense, Map.of());
	}

	private ModelTrainer(Options options, DenseFeatures dense, Map<Language, LanguageModel> inForce) {
		this.options = options;
		this.dense = dense;
		this.inForce = inForce;
		Linear.disableDebugOutput();
	}

	/**
	 * A trainer like this one that keeps each field's operating point of the models in
	 * force unless a new one is better by more than {@link OperatingPoint#KEEP_MARGIN} on
	 * the out-of-fold predictions (a language without a model in force chooses anew).
	 */
	public ModelTrainer keeping(Map<Language, LanguageModel> inForce) {
		return new ModelTrainer(this.options, this.dense, Map.copyOf(inForce));
	}

	/**
	 * One line per field of a model in force: whether its operating point was kept or
	 * replaced, with both objectives.
	 */
	public List<String> operatingPoints() {
		synchronized (this.operatingPoints) {
			return List.copyOf(this.operatingPoints);
		}
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
		Set<String> signalFields = signalFields(language);
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
		FieldOutOfFold category = null;
		for (String field : LabelledExample.FIELDS) {
			boolean signals = signalFields.contains(field) || signalFields.contains("*");
			boolean denseField = withDense && this.dense.appliesTo(field);
			boolean cueField = CUE_FIELDS.contains(field);
			List<SparseVector> vectors = (denseField && this.dense.only()) ? none
					: signals ? (cueField ? withSignalsCues : withSignals) : (cueField ? ngramsCues : ngrams);
			Trained trained = trainField(language, field, docs, vectors, denseField ? embeddings : null,
					vocabulary.size(), "playbook".equals(field) ? category : null);
			FieldFit fitted = (trained != null) ? trained.fit() : null;
			if ("category".equals(field) && trained != null) {
				category = trained.outOfFold();
			}
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
	 * The n-grams in at least {@code minDocs} texts (the most frequent, at most
	 * {@code maxVocabulary}), then the rules signals fired in at least {@code minDocs}
	 * texts (if the language learns from them).
	 */
	private Vocabulary vocabulary(NgramFeatures scheme, List<Doc> docs, boolean withSignals) {
		Map<Long, int[]> signals = new HashMap<>();
		for (Doc doc : withSignals ? docs : List.<Doc>of()) {
			for (String signal : new HashSet<>(doc.rules().signals())) {
				signals.computeIfAbsent(NgramFeatures.signalHash(signal), (key) -> new int[1])[0]++;
			}
		}
		Map<Long, int[]> frequency = new HashMap<>();
		for (Doc doc : docs) {
			Set<Long> seen = new HashSet<>();
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
			.filter((hash) -> Arrays.binarySearch(kept, hash) < 0)
			.sorted()
			.toArray();
		long[] all = Arrays.copyOf(kept, kept.length + keptSignals.length);
		System.arraycopy(keptSignals, 0, all, kept.length, keptSignals.length);
		return new Vocabulary(all);
	}

	/**
	 * A field trained (null where no classifier could be fitted) and its calibrated
	 * out-of-fold scores, scaled as before the softmax.
	 */
	private record Trained(FieldFit fit, FieldOutOfFold outOfFold) {
	}

	/**
	 * Trains one field; {@code embeddings} per document (a row may be null), or null when
	 * the field sees none; {@code category} the category's out-of-fold scaled scores when
	 * the field is the playbook (the model decides the pair that fits), else null.
	 */
	private Trained trainField(Language language, String field, List<Doc> docs, List<SparseVector> vectors,
			float[][] embeddings, int features, FieldOutOfFold category) {
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
		Collections.shuffle(order, new Random(this.options.seed()));
		int folds = Math.min(this.options.innerFolds(), rows.size());
		for (int fold = 0; fold < folds; fold++) {
			List<Integer> train = new ArrayList<>();
			List<Integer> held = new ArrayList<>();
			for (int k = 0; k < order.size(); k++) {
				((k % folds == fold) ? held : train).add(order.get(k));
			}
			FieldFit inner = FieldFit.fit(field, classes, docs, vectors, embeddings, rows, train, features, cost);
			if (inner == null) {
				continue;
			}
			for (int r : held) {
				outOfFold[r] = inner.scores(vectors.get(rows.get(r)), FieldFit.embedding(embeddings, rows.get(r)));
			}
		}
		double temperature = SoftmaxTemperature.minimisingLogLoss(field, classes, docs, rows, outOfFold);
		double fallbackLimit = OperatingPoint.fallbackLimit(language);
		OperatingPoint point = OperatingPoint.choose(field, classes, docs, rows, outOfFold, temperature, fallbackLimit,
				category);
		LanguageModel model = this.inForce.get(language);
		FieldClassifier old = (model != null) ? model.classifiers().get(field) : null;
		if (old != null) {
			OperatingPoint kept = OperatingPoint.at(field, classes, docs, rows, outOfFold, temperature, fallbackLimit,
					old.threshold(), OperatingPoint.offsetsFor(old, classes), category);
			boolean keep = kept.keptAgainst(point);
			String was = String.format(Locale.ROOT, "%s %s: %s (objective %.4f)", language, field,
					kept.describe(classes), kept.objective());
			this.operatingPoints.add(kept.samePoint(point) ? was + " kept, still the best"
					: String.format(Locale.ROOT, "%s %s %s (%.4f)", was,
							keep ? OperatingPoint.KEPT : OperatingPoint.REPLACED, point.describe(classes),
							point.objective()));
			point = keep ? kept : point;
		}
		List<Integer> all = new ArrayList<>();
		for (int r = 0; r < rows.size(); r++) {
			all.add(r);
		}
		FieldFit full = FieldFit.fit(field, classes, docs, vectors, embeddings, rows, all, features, cost);
		double[][] byDoc = new double[docs.size()][];
		for (int r = 0; r < rows.size(); r++) {
			if (outOfFold[r] != null) {
				byDoc[rows.get(r)] = FieldClassifier.scaled(outOfFold[r], temperature, point.offsets());
			}
		}
		return new Trained((full != null) ? new FieldFit(
				full.classifier().calibrated(temperature, point.threshold(), point.offsets()), full.dense()) : null,
				new FieldOutOfFold(classes, byDoc));
	}

	/** The fields of a language whose classifiers see the rules' signals. */
	static Set<String> signalFields(Language language) {
		String fields = LanguageSetting.valueFor(SIGNAL_FIELDS, language);
		return (fields != null) ? Set.of(fields.split(",")) : Set.of();
	}

}
