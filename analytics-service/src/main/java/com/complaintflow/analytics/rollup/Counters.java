package com.complaintflow.analytics.rollup;

import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/**
 * The measures of one rollup bucket as named counts; buckets merge by adding, so hours
 * add up to days and days to any range. Distributions are kept as counts per histogram
 * bin.
 */
public final class Counters {

	private final Map<String, Long> counts = new TreeMap<>();

	/**
	 * Adds to one measure; a measure that comes to 0 is dropped, so subtracting what was
	 * added leaves the same counters as never adding it.
	 */
	public Counters add(String measure, long amount) {
		if (amount != 0) {
			long sum = this.counts.getOrDefault(measure, 0L) + amount;
			if (sum == 0) {
				this.counts.remove(measure);
			}
			else {
				this.counts.put(measure, sum);
			}
		}
		return this;
	}

	/** Adds every measure of another bucket. */
	public Counters merge(Counters other) {
		other.counts.forEach(this::add);
		return this;
	}

	/** Subtracts every measure of another bucket (the inverse of {@link #merge}). */
	public Counters subtract(Counters other) {
		other.counts.forEach((measure, amount) -> add(measure, -amount));
		return this;
	}

	/** A measure's value, 0 when absent. */
	public long get(String measure) {
		return this.counts.getOrDefault(measure, 0L);
	}

	/** Every measure whose name starts with the prefix, keyed by the rest of the name. */
	public Map<String, Long> withPrefix(String prefix) {
		Map<String, Long> result = new TreeMap<>();
		this.counts.forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				result.put(name.substring(prefix.length()), value);
			}
		});
		return result;
	}

	/** A copy without the histogram bins ({@code <name>:b<bin>}), for compact splits. */
	Counters withoutHistogramBins() {
		Counters copy = new Counters();
		this.counts.forEach((name, value) -> {
			int colon = name.indexOf(":b");
			if (colon < 0 || !Character.isDigit(name.charAt(Math.min(name.length() - 1, colon + 2)))) {
				copy.add(name, value);
			}
		});
		return copy;
	}

	public boolean isEmpty() {
		return this.counts.isEmpty();
	}

	/** How many measures are not 0. */
	public int size() {
		return this.counts.size();
	}

	/** Each measure that is not 0 and its value, in name order. */
	public void forEach(java.util.function.BiConsumer<String, Long> action) {
		this.counts.forEach(action);
	}

	/** The measures as a document (measure name to count). */
	public Document toDocument() {
		return new Document(this.counts);
	}

	/** Counters from {@link #toDocument()}; null reads as empty. */
	public static Counters fromDocument(Document doc) {
		return new Counters().addDocument(doc);
	}

	/** Adds the measures of a stored bucket, without building an intermediate copy. */
	Counters addDocument(Document doc) {
		if (doc != null) {
			doc.forEach((name, value) -> add(name, ((Number) value).longValue()));
		}
		return this;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Counters counters) && this.counts.equals(counters.counts);
	}

	@Override
	public int hashCode() {
		return this.counts.hashCode();
	}

	@Override
	public String toString() {
		return this.counts.toString();
	}

}
