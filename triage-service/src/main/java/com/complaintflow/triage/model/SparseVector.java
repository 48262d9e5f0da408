package com.complaintflow.triage.model;

import java.util.Arrays;

/**
 * A text's features: known n-gram indexes in ascending order with sublinear,
 * L2-normalised weights, and where each n-gram first occurs (for explanations).
 *
 * @param ids feature indexes, ascending
 * @param values their values
 * @param starts start of the first occurrence of each feature in the folded text
 * @param ends end of that occurrence
 * @param words whether each feature is a word n-gram
 * @param folded the folded text
 */
public record SparseVector(int[] ids, double[] values, int[] starts, int[] ends, boolean[] words, String folded) {

	/** The features of a text under a vocabulary. */
	public static SparseVector of(String raw, NgramFeatures scheme, Vocabulary vocabulary) {
		return ofFolded(NgramFeatures.fold(raw), scheme, vocabulary);
	}

	/** The features of an already folded text under a vocabulary. */
	public static SparseVector ofFolded(String folded, NgramFeatures scheme, Vocabulary vocabulary) {
		Collector collector = new Collector(vocabulary);
		scheme.forEach(folded, collector);
		return collector.vector(folded);
	}

	/** The readable n-gram of the k-th feature. */
	public String ngram(int k) {
		String name = NgramFeatures.name(this.folded, this.starts[k], this.ends[k], this.words[k]);
		return name.substring(2);
	}

	/**
	 * Gathers known n-grams: index and first occurrence, packed in a long for sorting.
	 */
	private static final class Collector implements NgramFeatures.Sink {

		private final Vocabulary vocabulary;

		private long[] found = new long[256];

		private int[] spans = new int[512];

		private boolean[] wordFlags = new boolean[256];

		private int count;

		Collector(Vocabulary vocabulary) {
			this.vocabulary = vocabulary;
		}

		@Override
		public void accept(long hash, int start, int end, boolean word) {
			int id = this.vocabulary.indexOf(hash);
			if (id < 0) {
				return;
			}
			if (this.count == this.found.length) {
				this.found = Arrays.copyOf(this.found, this.count * 2);
				this.spans = Arrays.copyOf(this.spans, this.count * 4);
				this.wordFlags = Arrays.copyOf(this.wordFlags, this.count * 2);
			}
			// index in the high bits, occurrence order in the low bits: sorting keeps the
			// first
			this.found[this.count] = ((long) id << 32) | this.count;
			this.spans[2 * this.count] = start;
			this.spans[2 * this.count + 1] = end;
			this.wordFlags[this.count] = word;
			this.count++;
		}

		SparseVector vector(String folded) {
			long[] sorted = Arrays.copyOf(this.found, this.count);
			Arrays.sort(sorted);
			int distinct = 0;
			int[] ids = new int[this.count];
			double[] values = new double[this.count];
			int[] starts = new int[this.count];
			int[] ends = new int[this.count];
			boolean[] words = new boolean[this.count];
			int i = 0;
			double norm = 0;
			while (i < sorted.length) {
				int id = (int) (sorted[i] >>> 32);
				int first = (int) sorted[i];
				int j = i;
				while (j < sorted.length && (int) (sorted[j] >>> 32) == id) {
					j++;
				}
				double value = 1 + Math.log(j - i);
				ids[distinct] = id;
				values[distinct] = value;
				starts[distinct] = this.spans[2 * first];
				ends[distinct] = this.spans[2 * first + 1];
				words[distinct] = this.wordFlags[first];
				norm += value * value;
				distinct++;
				i = j;
			}
			double scale = (norm > 0) ? 1 / Math.sqrt(norm) : 0;
			for (int k = 0; k < distinct; k++) {
				values[k] *= scale;
			}
			return new SparseVector(Arrays.copyOf(ids, distinct), Arrays.copyOf(values, distinct),
					Arrays.copyOf(starts, distinct), Arrays.copyOf(ends, distinct), Arrays.copyOf(words, distinct),
					folded);
		}

	}

}
