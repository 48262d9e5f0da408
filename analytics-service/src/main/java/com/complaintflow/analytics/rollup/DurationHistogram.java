package com.complaintflow.analytics.rollup;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable distribution of durations in log-spaced bins (each 10% wider than the one
 * before, from one minute to about three years), stored as counts in a bucket:
 * {@code <name>:b<bin>}, plus {@code <name>:n} and {@code <name>:sum} (seconds).
 * Percentiles are read back with at most 10% relative error.
 */
public final class DurationHistogram {

	private static final double BASE_SECONDS = 60;

	private static final double GROWTH = 1.1;

	private static final int MAX_BIN = 170;

	private DurationHistogram() {
	}

	/** Records one duration under the histogram's name. */
	public static void record(Counters counters, String name, Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		counters.add(name + ":b" + bin(seconds), 1).add(name + ":n", 1).add(name + ":sum", seconds);
	}

	static int bin(long seconds) {
		if (seconds <= BASE_SECONDS) {
			return 0;
		}
		int bin = (int) Math.ceil(Math.log(seconds / BASE_SECONDS) / Math.log(GROWTH) - 1e-9);
		return Math.min(bin, MAX_BIN);
	}

	static double upperBound(int bin) {
		return BASE_SECONDS * Math.pow(GROWTH, bin);
	}

	/** How many durations were recorded. */
	public static long count(Counters counters, String name) {
		return counters.get(name + ":n");
	}

	/** The mean in seconds, or null without data. */
	public static Double meanSeconds(Counters counters, String name) {
		long n = count(counters, name);
		return (n == 0) ? null : (double) counters.get(name + ":sum") / n;
	}

	/**
	 * A quantile in seconds, interpolated inside its bin, or null without data.
	 * @param q the quantile, for example 0.9
	 */
	public static Double quantileSeconds(Counters counters, String name, double q) {
		long n = count(counters, name);
		if (n == 0) {
			return null;
		}
		Map<Integer, Long> bins = new TreeMap<>();
		counters.withPrefix(name + ":b").forEach((bin, count) -> bins.put(Integer.parseInt(bin), count));
		double rank = q * n;
		long seen = 0;
		for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
			if (seen + bin.getValue() >= rank) {
				double lower = (bin.getKey() == 0) ? 0 : upperBound(bin.getKey() - 1);
				double upper = upperBound(bin.getKey());
				double within = (rank - seen) / bin.getValue();
				return lower + (upper - lower) * within;
			}
			seen += bin.getValue();
		}
		return upperBound(MAX_BIN);
	}

}
