package com.complaintflow.analytics.rollup;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one complaint adds to the rollups: its measures per hour under its dimensions
 * ({@link #bySlot}, what the stream keeps and sums), and, spread over days, months and
 * both views, per bucket ({@link #of}, keyed by {@link BucketKey#text()}).
 */
public final class Shares {

	private Shares() {
	}

	/** Every share of a complaint, by bucket key text. */
	public static Map<String, Counters> of(Contributions contributions) {
		Map<String, Counters> shares = new HashMap<>();
		bySlot(contributions).forEach((slot, counters) -> Slot.spread(slot, counters, shares));
		shares.values().removeIf(Counters::isEmpty);
		return shares;
	}

	/** A complaint's measures per hour, by slot text ({@link Slot#text()}). */
	public static Map<String, Counters> bySlot(Contributions contributions) {
		Map<String, Counters> slots = new HashMap<>();
		contributions.byHour().forEach((hour, counters) -> {
			if (!counters.isEmpty()) {
				slots.put(new Slot(hour, contributions.dims()).text(), counters);
			}
		});
		return slots;
	}

	/**
	 * What moves from the shares before to the shares after, per key (bucket or slot):
	 * the new share minus the old; keys that do not change are left out.
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
