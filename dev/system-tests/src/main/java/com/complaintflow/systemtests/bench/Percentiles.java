package com.complaintflow.systemtests.bench;

import java.util.Arrays;

/**
 * Latency samples in milliseconds and their percentiles.
 */
final class Percentiles {

	private long[] samples = new long[1024];

	private int size;

	synchronized void add(long millis) {
		if (this.size == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.size * 2);
		}
		this.samples[this.size++] = millis;
	}

	synchronized int count() {
		return this.size;
	}

	/** The p-th percentile (0-100), or -1 without samples. */
	synchronized long percentile(double p) {
		if (this.size == 0) {
			return -1;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

	@Override
	public String toString() {
		return String.format("p50 %d ms, p99 %d ms, max %d ms (n=%d)", percentile(50), percentile(99), percentile(100),
				count());
	}

}
