package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * Decoded period documents of the rollups, kept in memory and validated by their version
 * ({@code v}, incremented by every write): a read asks MongoDB for the versions of the
 * periods it needs and fetches only those that changed, so a year of settled months is
 * decoded once, not on every question. Bounded by what the periods hold (their measures),
 * not by how many there are: a day of a large operator holds thousands of times what an
 * hour of a small one does.
 */
final class PeriodCache {

	/**
	 * How many measures the cache holds at most, over all its periods: some 60 MB (100
	 * day periods of 300 buckets of 40 measures weigh 1.32 million and took 78 MB
	 * decoded, summaries included).
	 */
	static final long MAX_MEASURES = 1_000_000;

	/** What a period weighs beyond its measures (its buckets' keys and objects). */
	private static final int WEIGHT_PER_BUCKET = 4;

	private final Cache<String, Period> periods;

	PeriodCache() {
		this(MAX_MEASURES);
	}

	PeriodCache(long maxWeight) {
		// evicted on the caller's thread, so the bound holds when a read returns
		this.periods = Caffeine.newBuilder()
			.maximumWeight(maxWeight)
			.weigher((String id, Period period) -> period.weight())
			.executor(Runnable::run)
			.build();
	}

	/** The periods with these document ids that exist, current as of this call. */
	List<Period> get(MongoCollection<Document> collection, List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Long> versions = new HashMap<>();
		collection.find(Filters.in("_id", ids))
			.projection(Projections.include("v"))
			.forEach((doc) -> versions.put(doc.getString("_id"), version(doc)));
		// the periods found current are kept here, not looked up again: storing the stale
		// ones (or another read) may evict them from the cache meanwhile
		Map<String, Period> result = new HashMap<>();
		List<String> stale = new ArrayList<>();
		versions.forEach((id, version) -> {
			Period cached = this.periods.getIfPresent(id);
			if (cached == null || cached.version() != version) {
				stale.add(id);
			}
			else {
				result.put(id, cached);
			}
		});
		if (!stale.isEmpty()) {
			collection.find(Filters.in("_id", stale)).forEach((doc) -> {
				Period period = Period.of(doc);
				this.periods.put(period.id(), period);
				result.put(period.id(), period);
			});
		}
		List<Period> ordered = new ArrayList<>();
		for (String id : ids) {
			Period period = result.get(id);
			if (period != null) {
				ordered.add(period);
			}
		}
		return ordered;
	}

	/** How many periods the cache holds now, for the tests. */
	long size() {
		this.periods.cleanUp();
		return this.periods.estimatedSize();
	}

	private static long version(Document doc) {
		Object version = doc.get("v");
		return (version instanceof Number number) ? number.longValue() : 0;
	}

	/**
	 * One decoded period: its buckets and their summary.
	 *
	 * @param id the document id
	 * @param version the version it was read at
	 * @param start the start of the period
	 * @param buckets every bucket
	 * @param summary totals and splits of the buckets
	 */
	record Period(String id, long version, Instant start, List<Bucket> buckets, RollupSummary summary) {

		/** What it weighs in the cache: its measures, and a little for each bucket. */
		int weight() {
			int weight = 1;
			for (Bucket bucket : this.buckets) {
				weight += WEIGHT_PER_BUCKET + bucket.counters().size();
			}
			return weight;
		}

		static Period of(Document doc) {
			Instant start = doc.getDate("period").toInstant();
			Grain grain = Grain.valueOf(doc.getString("grain"));
			List<Bucket> buckets = new ArrayList<>();
			RollupSummary summary = new RollupSummary();
			for (Map.Entry<String, Object> entry : doc.get("b", new Document()).entrySet()) {
				BucketKey key = BucketKey.parseField(grain, start, entry.getKey());
				Bucket bucket = new Bucket(key.view(), start, key.dims(),
						Counters.fromDocument((Document) entry.getValue()));
				buckets.add(bucket);
				if (bucket.view() == View.MAIN) {
					summary.addMain(bucket.dims(), bucket.counters());
				}
				else {
					summary.addRegion(bucket.dims(), bucket.counters());
				}
			}
			return new Period(doc.getString("_id"), PeriodCache.version(doc), start, List.copyOf(buckets), summary);
		}

	}

}
