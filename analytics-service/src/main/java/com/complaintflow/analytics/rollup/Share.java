package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one complaint adds to one rollup bucket. A complaint has one share per period (of
 * each grain) it has measures in and per view, keyed by {@link #slot()}: when its
 * dimensions change, a slot's share moves to another bucket.
 *
 * @param bucket the bucket
 * @param counters the complaint's measures in it
 */
public record Share(BucketKey bucket, Counters counters) {

	/** The complaint's slot this share fills: the period document and the view. */
	public String slot() {
		return this.bucket.documentId() + "|" + this.bucket.view().name();
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
				Share share = new Share(new BucketKey(grain, period, view, view.project(contributions.dims())),
						counters);
				shares.put(share.slot(), share);
			}
		}));
		return shares;
	}

}
