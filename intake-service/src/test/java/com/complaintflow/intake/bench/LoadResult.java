package com.complaintflow.intake.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies and outcomes of one load phase.
 */
final class LoadResult {

	private final long[] latencies;

	private final AtomicInteger recorded = new AtomicInteger();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	LoadResult(int capacity) {
		this.latencies = new long[capacity];
	}

	void record(long latencyNanos, boolean wasAccepted) {
		int slot = this.recorded.getAndIncrement();
		if (slot < this.latencies.length) {
			this.latencies[slot] = latencyNanos;
		}
		(wasAccepted ? this.accepted : this.failed).incrementAndGet();
	}

	long accepted() {
		return this.accepted.get();
	}

	String summary(String phase, double seconds) {
		int count = Math.min(this.recorded.get(), this.latencies.length);
		long[] sorted = Arrays.copyOf(this.latencies, count);
		Arrays.sort(sorted);
		return String.format(
				"%-22s accepted=%7d failed=%5d  accepted/s=%8.0f  p50=%7.2f ms  p99=%8.2f ms  max=%8.2f ms", phase,
				this.accepted.get(), this.failed.get(), this.accepted.get() / seconds, millis(sorted, 0.50),
				millis(sorted, 0.99), millis(sorted, 1.0));
	}

	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
