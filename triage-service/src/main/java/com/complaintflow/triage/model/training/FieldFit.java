package com.complaintflow.triage.model.training;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.SparseVector;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * One field's classifier fitted with LIBLINEAR on some of the labelled rows: an
 * L2-regularised logistic regression over the n-grams (and a text's sentence embedding,
 * if any), or, for the ratio fields, one per value over log-count-ratio scaled n-grams
 * (NB-SVM).
 *
 * @param classifier the field's classifier, not yet calibrated
 * @param dense the weights of the sentence embedding ({@code [d * values + value]}), or
 * null if the field saw none
 */
record FieldFit(FieldClassifier classifier, float[] dense) {

	/**
	 * The fields trained on log-count-ratio scaled features
	 * ({@code -Dtriage.train.ratios}, comma-separated; chosen by cross-validation, see
	 * docs/triage.md).
	 */
	private static final Set<String> RATIO_FIELDS = Set
		.of(System.getProperty("triage.train.ratios", "category,playbook").split(","));

	/** The weight of churn-HIGH examples in training (C times this for HIGH). */
	private static final double HIGH_CLASS_WEIGHT = Double
		.parseDouble(System.getProperty("triage.train.high-class-weight", "3"));

	/** The field's scores of a text (its embedding may be null). */
	double[] scores(SparseVector x, float[] embedding) {
		return AugmentedModel.plusDense(this.classifier.scores(x), this.dense, embedding);
	}

	/**
	 * Fits a field on the given rows (indexes into {@code rows}, which index the
	 * documents); null if they hold one value only. The embedding of a text, if any,
	 * follows its n-grams as features {@code features + 1 ... features + d}, before the
	 * bias.
	 */
	static FieldFit fit(String field, List<String> classes, List<ModelTrainer.Doc> docs, List<SparseVector> vectors,
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
			problem.x[i] = nodes(vectors.get(doc), embedding(embeddings, doc), features, dimensions);
			int label = classes.indexOf(docs.get(doc).example().label(field));
			problem.y[i] = label;
			present.add(label);
		}
		if (present.size() < 2) {
			return null;
		}
		return RATIO_FIELDS.contains(field) ? fitWithRatios(field, classes, problem, features, dimensions, cost)
				: fitPlain(field, classes, problem, features, dimensions, cost);
	}

	/** The embedding of a document, or null if there are none. */
	static float[] embedding(float[][] embeddings, int doc) {
		return (embeddings != null) ? embeddings[doc] : null;
	}

	/**
	 * A text's LIBLINEAR features: its n-grams in ascending order, then its embedding (if
	 * any), then the bias, last.
	 */
	private static Feature[] nodes(SparseVector x, float[] embedding, int features, int dimensions) {
		int sparse = x.ids().length;
		int dense = (embedding != null) ? dimensions : 0;
		Feature[] nodes = new Feature[sparse + dense + 1];
		for (int k = 0; k < sparse; k++) {
			nodes[k] = new FeatureNode(x.ids()[k] + 1, x.values()[k]);
		}
		Arrays.sort(nodes, 0, sparse, Comparator.comparingInt(Feature::getIndex));
		for (int d = 0; d < dense; d++) {
			nodes[sparse + d] = new FeatureNode(features + 1 + d, embedding[d]);
		}
		nodes[sparse + dense] = new FeatureNode(features + dimensions + 1, 1.0);
		return nodes;
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

	/** LIBLINEAR's own one-vs-rest logistic regression over the features as they are. */
	private static FieldFit fitPlain(String field, List<String> classes, Problem problem, int features, int dimensions,
			double cost) {
		int total = features + dimensions;
		Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, cost, 0.1);
		String watched = OperatingPoint.watched(field);
		int watchedIndex = classes.indexOf(watched);
		if ("churnRisk".equals(field) && HIGH_CLASS_WEIGHT != 1 && watchedIndex >= 0
				&& Arrays.stream(problem.y).anyMatch((y) -> y == watchedIndex)) {
			// errors on churn HIGH cost more in training, for recall (LIBLINEAR refuses a
			// weight for a value no training row has)
			parameter.setWeights(new double[] { HIGH_CLASS_WEIGHT }, new int[] { watchedIndex });
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
		return new FieldFit(new FieldClassifier(field, classes, weights, bias, 1.0, 1.0, new float[n]), dense);
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
	private static FieldFit fitWithRatios(String field, List<String> classes, Problem problem, int features,
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
		return new FieldFit(new FieldClassifier(field, classes, weights, bias, 1.0, 1.0, new float[n]), dense);
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

}
