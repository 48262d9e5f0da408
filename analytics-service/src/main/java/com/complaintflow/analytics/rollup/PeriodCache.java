package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * Decoded period documents of the rollups, kept in memory and validated by their version
 * ({@code v}, incremented by every write): a read asks MongoDB for the versions of the
 * periods it needs and fetches only those that changed, so a year of settled months is
 * decoded once, not on every question. Bounded (least recently used periods go first).
 */
final class PeriodCache {

	private static final int MAX_PERIODS = 4096;

	private final Map<String, Period> periods = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Period> eldest) {
			return size() > MAX_PERIODS;
		}

	});

	/** The periods with these document ids that exist, current as of this call. */
	List<Period> get(MongoCollection<Document> collection, List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, Long> versions = new HashMap<>();
		collection.find(Filters.in("_id", ids))
			.projection(Projections.include("v"))
			.forEach((doc) -> versions.put(doc.getString("_id"), version(doc)));
		List<String> stale = new ArrayList<>();
		versions.forEach((id, version) -> {
			Period cached = this.periods.get(id);
			if (cached == null || cached.version() != version) {
				stale.add(id);
			}
		});
		Map<String, Period> result = new HashMap<>();
		if (!stale.isEmpty()) {
			collection.find(Filters.in("_id", stale)).forEach((doc) -> {
				Period period = Period.of(doc);
				this.periods.put(period.id(), period);
				result.put(period.id(), period);
			});
		}
		List<Period> ordered = new ArrayList<>();
		for (String id : ids) {
			Period period = result.containsKey(id) ? result.get(id)
					: versions.containsKey(id) ? this.periods.get(id) : null;
			if (period != null) {
				ordered.add(period);
			}
		}
		return ordered;
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
