package com.complaintflow.analytics.rollup;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact rollup of one period: every measure in total, and the measures (without
 * histogram bins) split by each dimension on its own. Unfiltered questions are answered
 * from these alone, so their cost does not grow with the number of dimension
 * combinations.
 */
public final class RollupSummary {

	/** The splits kept, each a dimension or a pair of dimensions. */
	static final List<String> SPLITS = List.of("channel", "category", "region", "persona", "playbook",
			"channelCategory");

	private final Counters total = new Counters();

	private final Map<String, Map<String, Counters>> splits = new TreeMap<>();

	/** Every measure of the period. */
	public Counters total() {
		return this.total;
	}

	/** The measures per value of a split ({@link #SPLITS}). */
	public Map<String, Counters> split(String name) {
		return this.splits.getOrDefault(name, Map.of());
	}

	/** Whether the period has no data. */
	boolean isEmpty() {
		return this.total.isEmpty() && this.splits.isEmpty();
	}

	/** Adds one detailed bucket of the main view (totals and every split but region). */
	void addMain(Dims dims, Counters counters) {
		this.total.merge(counters);
		Counters compact = counters.withoutHistogramBins();
		add("channel", dims.channel(), compact);
		add("category", dims.category(), compact);
		add("persona", dims.persona(), compact);
		add("playbook", dims.playbook(), compact);
		add("channelCategory", dims.channel() + "|" + dims.category(), compact);
	}

	/** Adds one detailed bucket of the region view (the region split only). */
	void addRegion(Dims dims, Counters counters) {
		add("region", dims.region(), counters.withoutHistogramBins());
	}

	/** Adds another period's summary. */
	void addSummary(RollupSummary other) {
		this.total.merge(other.total);
		other.splits.forEach((split, values) -> values.forEach((value, counters) -> add(split, value, counters)));
	}

	private void add(String split, String value, Counters counters) {
		this.splits.computeIfAbsent(split, (name) -> new TreeMap<>())
			.computeIfAbsent(value, (key) -> new Counters())
			.merge(counters);
	}

}
