package com.complaintflow.triage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import com.complaintflow.events.ModelReason;
import com.complaintflow.triage.rules.Advice;

/**
 * One decision field's linear classifier: a weight per n-gram and value, a bias per
 * value, probabilities by a softmax calibrated with a temperature, and the probability
 * threshold (chosen on validation data) at which it decides the field instead of the
 * rules.
 */
public final class FieldClassifier {

	static final int EVIDENCE = 3;

	private final String field;

	private final List<String> classes;

	private final float[] weights;

	private final float[] bias;

	private final double temperature;

	private final double threshold;

	private final float[] offsets;

	/**
	 * Weights of feature f and value c are at {@code weights[f * stride + offset + c]}.
	 */
	private final int stride;

	private final int offset;

	/**
	 * A classifier.
	 * @param field the field key ("category")
	 * @param classes the values, in weight order
	 * @param weights feature-major weights: {@code weights[feature * classes + value]}
	 * @param bias one per value
	 * @param temperature divides the scores before the softmax (calibration)
	 * @param threshold the probability at which the model decides
	 * @param offsets added per value to the scaled scores before the softmax (chosen on
	 * validation data to favour a value whose misses cost more, such as churn HIGH)
	 */
	public FieldClassifier(String field, List<String> classes, float[] weights, float[] bias, double temperature,
			double threshold, float[] offsets) {
		this(field, classes, weights, classes.size(), 0, bias, temperature, threshold, offsets);
	}

	private FieldClassifier(String field, List<String> classes, float[] weights, int stride, int offset, float[] bias,
			double temperature, double threshold, float[] offsets) {
		this.stride = stride;
		this.offset = offset;
		this.field = field;
		this.classes = List.copyOf(classes);
		this.weights = weights;
		this.bias = bias;
		this.temperature = temperature;
		this.threshold = threshold;
		this.offsets = offsets;
		if (bias.length != classes.size() || offsets.length != classes.size() || weights.length % stride != 0
				|| offset + classes.size() > stride || !(temperature > 0)) {
			throw new IllegalArgumentException("inconsistent classifier for " + field);
		}
	}

	/**
	 * The value with the highest probability, its probability and the n-grams behind it.
	 */
	public Advice advise(SparseVector x) {
		double[] probabilities = probabilities(x);
		int best = best(probabilities);
		return new Advice(this.classes.get(best), probabilities[best], this.threshold, evidence(x, best));
	}

	/** The index of the largest value (the first of equals). */
	public static int best(double[] probabilities) {
		int best = 0;
		for (int c = 1; c < probabilities.length; c++) {
			if (probabilities[c] > probabilities[best]) {
				best = c;
			}
		}
		return best;
	}

	/**
	 * This field's two most probable values and their probabilities given its slice of
	 * scores summed over all fields' weights, as {@link #softmax} computes them: one pass
	 * to rank (the first of equals wins, as {@link #best}), one to sum the exponentials.
	 */
	Ranking rankFromSums(double[] sums) {
		int best = -1;
		int second = -1;
		double max = Double.NEGATIVE_INFINITY;
		double next = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < this.bias.length; c++) {
			double scaled = scaled(sums, c);
			if (best < 0 || scaled > max) {
				second = best;
				next = max;
				best = c;
				max = scaled;
			}
			else if (second < 0 || scaled > next) {
				second = c;
				next = scaled;
			}
		}
		double sum = 0;
		for (int c = 0; c < this.bias.length; c++) {
			sum += Math.exp(scaled(sums, c) - max);
		}
		return new Ranking(best, 1 / sum, second, (second < 0) ? 0 : Math.exp(next - max) / sum);
	}

	/**
	 * This field's scaled scores (before the softmax) given its slice of scores summed
	 * over all fields' weights: its log-probabilities up to a constant.
	 */
	double[] scaledFromSums(double[] sums) {
		double[] scaled = new double[this.bias.length];
		for (int c = 0; c < scaled.length; c++) {
			scaled[c] = scaled(sums, c);
		}
		return scaled;
	}

	/**
	 * A value chosen at a probability of its own (one that fits the other field where the
	 * field's most probable does not, see {@link PlaybookCategories}) ranked first, and
	 * the most probable of the others that {@code nextAllowed} accepts next, at its
	 * probability (none where it accepts no other).
	 */
	static Ranking rankChosen(double[] scaled, int chosen, double probability, IntPredicate nextAllowed) {
		double max = Double.NEGATIVE_INFINITY;
		int second = -1;
		for (int c = 0; c < scaled.length; c++) {
			max = Math.max(max, scaled[c]);
			if (c != chosen && nextAllowed.test(c) && (second < 0 || scaled[c] > scaled[second])) {
				second = c;
			}
		}
		double sum = 0;
		for (double value : scaled) {
			sum += Math.exp(value - max);
		}
		return new Ranking(chosen, probability, second, (second < 0) ? 0 : Math.exp(scaled[second] - max) / sum);
	}

	/**
	 * A field's most probable value and the next one ({@code second} is -1 for a field of
	 * one value), with their probabilities.
	 */
	record Ranking(int best, double probability, int second, double secondProbability) {
	}

	private double scaled(double[] sums, int c) {
		return (this.bias[c] + sums[this.offset + c]) / this.temperature + this.offsets[c];
	}

	/** The weight of a value for a feature. */
	float weight(int feature, int value) {
		return this.weights[feature * this.stride + this.offset + value];
	}

	/**
	 * This classifier reading its weights from a matrix shared by all fields of a model.
	 */
	FieldClassifier sharing(float[] matrix, int stride, int offset) {
		return new FieldClassifier(this.field, this.classes, matrix, stride, offset, this.bias, this.temperature,
				this.threshold, this.offsets);
	}

	/** How many features the weights cover. */
	int features() {
		return this.weights.length / this.stride;
	}

	/** The evidence for a value from the top contributions found. */
	static List<ModelReason.Weighed> evidence(SparseVector x, int[] top, double[] weight, int found) {
		List<ModelReason.Weighed> evidence = new ArrayList<>(found);
		for (int m = 0; m < found; m++) {
			evidence.add(new ModelReason.Weighed(x.ngram(top[m]), weight[m]));
		}
		return evidence;
	}

	/**
	 * Keeps the {@code top.length} largest contributions, largest first; returns the new
	 * count.
	 */
	static int offer(int[] top, double[] weight, int found, int k, double contribution) {
		if (contribution <= 0) {
			return found;
		}
		int at = found;
		while (at > 0 && weight[at - 1] < contribution) {
			at--;
		}
		if (at >= top.length) {
			return found;
		}
		for (int m = Math.min(found, top.length - 1); m > at; m--) {
			top[m] = top[m - 1];
			weight[m] = weight[m - 1];
		}
		top[at] = k;
		weight[at] = contribution;
		return Math.min(found + 1, top.length);
	}

	/** The calibrated probability of each value, in {@link #classes()} order. */
	public double[] probabilities(SparseVector x) {
		return softmax(scores(x), this.temperature, this.offsets);
	}

	/** The raw linear scores of each value. */
	public double[] scores(SparseVector x) {
		int n = this.classes.size();
		double[] scores = new double[n];
		for (int c = 0; c < n; c++) {
			scores[c] = this.bias[c];
		}
		int[] ids = x.ids();
		double[] values = x.values();
		for (int k = 0; k < ids.length; k++) {
			int base = ids[k] * this.stride + this.offset;
			if (base + n > this.weights.length) {
				continue;
			}
			for (int c = 0; c < n; c++) {
				scores[c] += this.weights[base + c] * values[k];
			}
		}
		return scores;
	}

	/**
	 * The scores divided by the temperature plus the offsets: the log-probabilities up to
	 * a constant.
	 */
	public static double[] scaled(double[] scores, double temperature, float[] offsets) {
		double[] scaled = new double[scores.length];
		for (int c = 0; c < scores.length; c++) {
			scaled[c] = scores[c] / temperature + ((offsets != null) ? offsets[c] : 0);
		}
		return scaled;
	}

	/** Softmax of the scores divided by the temperature plus the offsets. */
	public static double[] softmax(double[] scores, double temperature, float[] offsets) {
		double[] scaled = scaled(scores, temperature, offsets);
		double max = Double.NEGATIVE_INFINITY;
		for (double value : scaled) {
			max = Math.max(max, value);
		}
		double[] out = new double[scores.length];
		double sum = 0;
		for (int c = 0; c < scores.length; c++) {
			out[c] = Math.exp(scaled[c] - max);
			sum += out[c];
		}
		for (int c = 0; c < scores.length; c++) {
			out[c] /= sum;
		}
		return out;
	}

	/** The features that weighed most for a value, largest first. */
	List<ModelReason.Weighed> evidence(SparseVector x, int value) {
		int n = this.classes.size();
		int[] top = new int[EVIDENCE];
		double[] weight = new double[EVIDENCE];
		int found = 0;
		for (int k = 0; k < x.ids().length; k++) {
			int base = x.ids()[k] * this.stride + this.offset;
			if (base + n > this.weights.length) {
				continue;
			}
			found = offer(top, weight, found, k, this.weights[base + value] * x.values()[k]);
		}
		return evidence(x, top, weight, found);
	}

	public String field() {
		return this.field;
	}

	public List<String> classes() {
		return this.classes;
	}

	public double temperature() {
		return this.temperature;
	}

	public double threshold() {
		return this.threshold;
	}

	/** This field's weights alone, feature-major ({@code [feature * values + value]}). */
	float[] weights() {
		int n = this.classes.size();
		int features = features();
		float[] own = new float[features * n];
		for (int f = 0; f < features; f++) {
			System.arraycopy(this.weights, f * this.stride + this.offset, own, f * n, n);
		}
		return own;
	}

	float[] bias() {
		return this.bias;
	}

	/** The offset per value. */
	public float[] offsets() {
		return this.offsets.clone();
	}

	/** The same classifier with another calibration, threshold and offsets. */
	public FieldClassifier calibrated(double temperature, double threshold, float[] offsets) {
		return new FieldClassifier(this.field, this.classes, this.weights, this.stride, this.offset, this.bias,
				temperature, threshold, offsets);
	}

}
