package com.complaintflow.analytics.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.complaintflow.support.test.TestInfrastructure;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The period cache against the wire server: an answer holds every period asked for that
 * exists, however many of them the same read evicts, and the cache holds no more measures
 * than its bound.
 */
class PeriodCacheTests {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private static final Dims DIMS = new Dims("HOTLINE", "NETWORK", "BJ-CY", "VENTING", "NETWORK_FAULT");

	private final MongoCollection<Document> collection = TestInfrastructure.freshDatabase("periods")
		.getCollection("rollup_detail");

	@Test
	void periodsFoundCurrentAreAnsweredEvenWhenTheReadEvictsThem() {
		List<String> ids = hours(11, 0);
		PeriodCache cache = new PeriodCache(10);
		assertThat(cache.get(this.collection, ids.subList(0, 10))).hasSize(10);

		// the one period not cached yet is read and stored, and the cache, full, drops
		// one of the periods this read found current
		List<PeriodCache.Period> all = cache.get(this.collection, ids);

		assertThat(all).extracting(PeriodCache.Period::id).containsExactlyElementsOf(ids);
	}

	@Test
	void theCacheHoldsNoMoreMeasuresThanItsBoundAndAnswersAllTheSame() {
		List<String> ids = hours(40, 25);
		PeriodCache cache = new PeriodCache(300);

		List<PeriodCache.Period> all = cache.get(this.collection, ids);

		assertThat(all).extracting(PeriodCache.Period::id).containsExactlyElementsOf(ids);
		// each weighs 30 (its 25 measures, 4 for its bucket and 1 for itself): 10 fit
		assertThat(all.get(0).weight()).isEqualTo(1 + 4 + 25);
		assertThat(cache.size()).isBetween(1L, 10L);
		assertThat(cache.get(this.collection, ids)).extracting(PeriodCache.Period::id).containsExactlyElementsOf(ids);
	}

	/** Stores this many hour periods, each with one bucket of this many measures. */
	private List<String> hours(int count, int measures) {
		List<String> ids = new ArrayList<>();
		List<Document> documents = new ArrayList<>();
		for (int hour = 0; hour < count; hour++) {
			Instant start = START.plus(Duration.ofHours(hour));
			BucketKey key = new BucketKey(Grain.HOUR, start, View.MAIN, DIMS);
			Counters counters = new Counters();
			for (int measure = 0; measure < measures; measure++) {
				counters.add("m" + measure, measure + 1);
			}
			ids.add(key.documentId());
			documents.add(new Document("_id", key.documentId()).append("period", Date.from(start))
				.append("grain", Grain.HOUR.name())
				.append("v", 1L)
				.append("b", new Document(key.field(), counters.toDocument())));
		}
		this.collection.insertMany(documents);
		return ids;
	}

}
