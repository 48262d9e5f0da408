package com.complaintflow.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.complaintflow.events.ModelReason;
import com.complaintflow.events.RulesSignal;

/**
 * A text's features: known n-gram indexes (in order of first occurrence) with sublinear,
 * L2-normalised weights, and where each n-gram first occurs (for explanations); then the
 * n-grams of the windows around words of leaving, if the scheme reads them, normalised as
 * a block of their own (so a long text does not drown them); then the known rules signals
 * the text fired, each with the value {@link #SIGNAL_VALUE}.
 *
 * @param ids feature indexes, each once
 * @param values their values
 * @param starts start of the first occurrence of each n-gram in the folded text
 * @param ends end of that occurrence
 * @param words whether each n-gram is a word n-gram
 * @param cues the index of the first cue window n-gram (the number of plain n-grams)
 * @param folded the folded text
 * @param signals the signal ids of the features after the n-grams
 */
public record SparseVector(int[] ids, double[] values, int[] starts, int[] ends, boolean[] words, int cues,
		String folded, List<String> signals) {

	/**
	 * The value of a fired rules signal beside the L2-normalised n-grams (chosen by
	 * cross-validation: 0.3).
	 */
	public static final double SIGNAL_VALUE = 0.3;

	/** The features of a text under a vocabulary. */
	public static SparseVector of(String raw, NgramFeatures scheme, Vocabulary vocabulary) {
		return ofFolded(NgramFeatures.fold(raw), scheme, vocabulary);
	}

	/**
	 * The features of an already folded text under a vocabulary: the plain n-grams, then
	 * the cue windows' (if the scheme reads them), each block L2-normalised.
	 */
	public static SparseVector ofFolded(String folded, NgramFeatures scheme, Vocabulary vocabulary) {
		// the two collectors share the thread's slot table: a feature is in one block
		// only
		Collector ngramCollector = new Collector(vocabulary);
		Collector cueCollector = new Collector(vocabulary);
		scheme.forEach(folded, ngramCollector, cueCollector);
		SparseVector ngrams = ngramCollector.vector(folded);
		SparseVector cues = cueCollector.vector(folded);
		int n = ngrams.ids.length;
		int m = cues.ids.length;
		if (m == 0) {
			return ngrams;
		}
		int[] ids = Arrays.copyOf(ngrams.ids, n + m);
		double[] values = Arrays.copyOf(ngrams.values, n + m);
		int[] starts = Arrays.copyOf(ngrams.starts, n + m);
		int[] ends = Arrays.copyOf(ngrams.ends, n + m);
		boolean[] words = Arrays.copyOf(ngrams.words, n + m);
		System.arraycopy(cues.ids, 0, ids, n, m);
		System.arraycopy(cues.values, 0, values, n, m);
		System.arraycopy(cues.starts, 0, starts, n, m);
		System.arraycopy(cues.ends, 0, ends, n, m);
		System.arraycopy(cues.words, 0, words, n, m);
		return new SparseVector(ids, values, starts, ends, words, n, folded, List.of());
	}

	/**
	 * The plain n-grams of these features alone, without the cue windows and signals
	 * (what a field trained without the windows reads: it has no weight on them).
	 */
	public SparseVector withoutCues() {
		int n = this.cues;
		return new SparseVector(Arrays.copyOf(this.ids, n), Arrays.copyOf(this.values, n),
				Arrays.copyOf(this.starts, n), Arrays.copyOf(this.ends, n), Arrays.copyOf(this.words, n), n,
				this.folded, List.of());
	}

	/**
	 * The features of a text under a vocabulary, with the rules signals it fired that the
	 * vocabulary knows.
	 */
	public static SparseVector of(String raw, List<String> signals, NgramFeatures scheme, Vocabulary vocabulary) {
		return ofFolded(NgramFeatures.fold(raw), scheme, vocabulary).withSignals(signals, vocabulary);
	}

	/** These features plus the known signals among the given ones (each once). */
	public SparseVector withSignals(List<String> fired, Vocabulary vocabulary) {
		int n = this.ids.length;
		int[] ids = Arrays.copyOf(this.ids, n + fired.size());
		double[] values = Arrays.copyOf(this.values, n + fired.size());
		List<String> known = new ArrayList<>();
		for (String signal : fired) {
			int id = vocabulary.indexOf(NgramFeatures.signalHash(signal));
			if (id >= 0 && !known.contains(signal)) {
				ids[n + known.size()] = id;
				values[n + known.size()] = SIGNAL_VALUE;
				known.add(signal);
			}
		}
		int total = n + known.size();
		return new SparseVector(Arrays.copyOf(ids, total), Arrays.copyOf(values, total), this.starts, this.ends,
				this.words, this.cues, this.folded, List.copyOf(known));
	}

	/**
	 * The readable n-gram (or {@code signal:} id) of the k-th feature; a cue window's
	 * n-gram reads {@code near leaving: } and the n-gram.
	 */
	public String ngram(int k) {
		if (k >= this.starts.length) {
			return RulesSignal.PREFIX + this.signals.get(k - this.starts.length);
		}
		String name = NgramFeatures.name(this.folded, this.starts[k], this.ends[k], this.words[k]).substring(2);
		return (k >= this.cues) ? ModelReason.NEAR_LEAVING + name : name;
	}

	/**
	 * Gathers known n-grams with their counts and first occurrence, in linear time: a
	 * per-thread table from feature index to its slot, reset after each text.
	 */
	private static final class Collector implements NgramFeatures.Sink {

		private static final ThreadLocal<int[]> SLOTS = ThreadLocal.withInitial(() -> new int[0]);

		private final Vocabulary vocabulary;

		private final int[] slots;

		private int[] ids = new int[256];

		private int[] counts = new int[256];

		private int[] spans = new int[512];

		private boolean[] wordFlags = new boolean[256];

		private int count;

		Collector(Vocabulary vocabulary) {
			this.vocabulary = vocabulary;
			int[] slots = SLOTS.get();
			if (slots.length < vocabulary.size()) {
				slots = new int[vocabulary.size()];
				Arrays.fill(slots, -1);
				SLOTS.set(slots);
			}
			this.slots = slots;
		}

		@Override
		public void accept(long hash, int start, int end, boolean word) {
			int id = this.vocabulary.indexOf(hash);
			if (id < 0) {
				return;
			}
			int slot = this.slots[id];
			if (slot >= 0) {
				this.counts[slot]++;
				return;
			}
			if (this.count == this.ids.length) {
				this.ids = Arrays.copyOf(this.ids, this.count * 2);
				this.counts = Arrays.copyOf(this.counts, this.count * 2);
				this.spans = Arrays.copyOf(this.spans, this.count * 4);
				this.wordFlags = Arrays.copyOf(this.wordFlags, this.count * 2);
			}
			this.slots[id] = this.count;
			this.ids[this.count] = id;
			this.counts[this.count] = 1;
			this.spans[2 * this.count] = start;
			this.spans[2 * this.count + 1] = end;
			this.wordFlags[this.count] = word;
			this.count++;
		}

		SparseVector vector(String folded) {
			int n = this.count;
			double[] values = new double[n];
			int[] starts = new int[n];
			int[] ends = new int[n];
			double norm = 0;
			for (int k = 0; k < n; k++) {
				this.slots[this.ids[k]] = -1;
				values[k] = 1 + Math.log(this.counts[k]);
				norm += values[k] * values[k];
				starts[k] = this.spans[2 * k];
				ends[k] = this.spans[2 * k + 1];
			}
			double scale = (norm > 0) ? 1 / Math.sqrt(norm) : 0;
			for (int k = 0; k < n; k++) {
				values[k] *= scale;
			}
			return new SparseVector(Arrays.copyOf(this.ids, n), values, starts, ends, Arrays.copyOf(this.wordFlags, n),
					n, folded, List.of());
		}

	}

}
