package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one complaint adds to each rollup bucket it is counted in: its measures per hour,
 * summed into their days and months, in both views, keyed by bucket
 * ({@link BucketKey#text()}).
 */
public final class Shares {

	private Shares() {
	}

	/** Every share of a complaint, by bucket key text. */
	public static Map<String, Counters> of(Contributions contributions) {
		Map<Grain, Map<Instant, Counters>> periods = new EnumMap<>(Grain.class);
		contributions.byHour().forEach((hour, counters) -> {
			for (Grain grain : Grain.values()) {
				periods.computeIfAbsent(grain, (key) -> new TreeMap<>())
					.computeIfAbsent(grain.startOf(hour), (key) -> new Counters())
					.merge(counters);
			}
		});
		Map<String, Counters> shares = new HashMap<>();
		periods.forEach((grain, byPeriod) -> byPeriod.forEach((period, counters) -> {
			if (counters.isEmpty()) {
				return;
			}
			for (View view : View.values()) {
				shares.put(new BucketKey(grain, period, view, view.project(contributions.dims())).text(), counters);
			}
		}));
		return shares;
	}

	/**
	 * What moves from the shares before to the shares after, per bucket: the new share
	 * minus the old; buckets that do not change are left out.
	 */
	public static Map<String, Counters> difference(Map<String, Counters> before, Map<String, Counters> after) {
		Map<String, Counters> deltas = new TreeMap<>();
		after.forEach((bucket, share) -> {
			Counters delta = new Counters().merge(share);
			Counters old = before.get(bucket);
			if (old != null) {
				delta.subtract(old);
			}
			if (!delta.isEmpty()) {
				deltas.put(bucket, delta);
			}
		});
		before.forEach((bucket, share) -> {
			if (!after.containsKey(bucket)) {
				deltas.put(bucket, new Counters().subtract(share));
			}
		});
		return deltas;
	}

}
