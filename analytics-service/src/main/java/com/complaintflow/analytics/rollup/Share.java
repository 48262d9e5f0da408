package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one complaint adds to one rollup bucket. A complaint has one share per period (of
 * each grain) it has measures in and per view, its slot ({@link #slotOf}): when its
 * dimensions change, a slot's share moves to another bucket.
 *
 * @param bucket the bucket's key as text ({@link BucketKey#text()}), the key the shares
 * are grouped by
 * @param counters the complaint's measures in it
 */
public record Share(String bucket, Counters counters) {

	/** The complaint's slot a bucket fills: the period document and the view. */
	static String slotOf(BucketKey bucket) {
		return bucket.documentId() + "|" + bucket.view().name();
	}

	/**
	 * Every share of a complaint, keyed by slot: its measures per hour, summed into their
	 * days and months, in both views.
	 */
	public static Map<String, Share> of(Contributions contributions) {
		Map<Grain, Map<Instant, Counters>> periods = new HashMap<>();
		contributions.byHour().forEach((hour, counters) -> {
			for (Grain grain : Grain.values()) {
				periods.computeIfAbsent(grain, (key) -> new TreeMap<>())
					.computeIfAbsent(grain.startOf(hour), (key) -> new Counters())
					.merge(counters);
			}
		});
		Map<String, Share> shares = new TreeMap<>();
		periods.forEach((grain, byPeriod) -> byPeriod.forEach((period, counters) -> {
			if (counters.isEmpty()) {
				return;
			}
			for (View view : View.values()) {
				BucketKey bucket = new BucketKey(grain, period, view, view.project(contributions.dims()));
				shares.put(slotOf(bucket), new Share(bucket.text(), counters));
			}
		}));
		return shares;
	}

}
