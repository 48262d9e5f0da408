package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One hour of a complaint's contributions under its full dimensions: the unit the stream
 * keeps a complaint's shares and sums its changes in, before they are spread over the
 * buckets it falls in (its hour, day and month, in both views: six buckets). As text
 * {@code S|<hour>|<channel>|<category>|<region>|<persona>|<playbook>}, the dimensions
 * encoded as in {@link BucketKey}; no bucket key starts with {@code S|}.
 *
 * @param hour the start of the hour
 * @param dims the complaint's dimensions (not projected to a view)
 */
public record Slot(Instant hour, Dims dims) {

	private static final String PREFIX = "S|";

	/** The slot as text. */
	public String text() {
		return PREFIX + this.hour + "|"
				+ String.join("|", BucketKey.encode(this.dims.channel()), BucketKey.encode(this.dims.category()),
						BucketKey.encode(this.dims.region()), BucketKey.encode(this.dims.persona()),
						BucketKey.encode(this.dims.playbook()));
	}

	/**
	 * Adds counters kept under a key to the buckets they belong to, by bucket key text: a
	 * slot's to each of its six buckets; a key that is not a slot is a bucket key (what
	 * builds before 2026-12-01 kept) and is added as it is.
	 */
	public static void spread(String key, Counters counters, Map<String, Counters> buckets) {
		addTo(bucketsOf(key), counters, buckets);
	}

	/** Adds counters to each of the buckets named (a result of {@link #bucketsOf}). */
	public static void addTo(List<String> keys, Counters counters, Map<String, Counters> buckets) {
		for (String key : keys) {
			buckets.computeIfAbsent(key, (bucket) -> new Counters()).merge(counters);
		}
	}

	/**
	 * The keys of the buckets counters kept under a key belong to: a slot's six; a key
	 * that is not a slot is a bucket key, its own.
	 */
	public static List<String> bucketsOf(String key) {
		if (!key.startsWith(PREFIX)) {
			return List.of(key);
		}
		String[] parts = key.split("\\|", -1);
		if (parts.length != 7) {
			throw new IllegalArgumentException("not a slot: " + key);
		}
		return new Slot(Instant.parse(parts[1]), BucketKey.dims(parts, 2)).buckets();
	}

	private List<String> buckets() {
		List<String> keys = new ArrayList<>(Grain.values().length * View.values().length);
		for (Grain grain : Grain.values()) {
			Instant period = grain.startOf(this.hour);
			for (View view : View.values()) {
				keys.add(new BucketKey(grain, period, view, view.project(this.dims)).text());
			}
		}
		return List.copyOf(keys);
	}

}
