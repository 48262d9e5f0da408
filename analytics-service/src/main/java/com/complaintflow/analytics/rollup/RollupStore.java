package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.journal.Hours;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Hour and day buckets in MongoDB. Writing a period replaces its buckets by deterministic
 * ids (a reader sees the old or the new bucket, never none) and then drops buckets that
 * no longer exist.
 */
@Component
public class RollupStore {

	private final MongoTemplate mongo;

	RollupStore(MongoTemplate mongo) {
		this.mongo = mongo;
		for (Grain grain : Grain.values()) {
			mongo.indexOps(grain.collection()).createIndex(new Index("period", Sort.Direction.ASC));
		}
	}

	/** Replaces every bucket of one hour. */
	void replaceHour(Instant hour, Map<BucketId, Counters> buckets) {
		replace(Grain.HOUR, hour, buckets);
	}

	/** Rebuilds the day buckets of one day from its hour buckets. */
	void rebuildDay(Instant day) {
		Map<BucketId, Counters> merged = new LinkedHashMap<>();
		for (Bucket bucket : find(Grain.HOUR, day, day.plus(1, ChronoUnit.DAYS), Filters.empty())) {
			merged.computeIfAbsent(new BucketId(bucket.view(), bucket.dims()), (id) -> new Counters())
				.merge(bucket.counters());
		}
		replace(Grain.DAY, day, merged);
	}

	/**
	 * Every bucket overlapping [from, to), both rounded out to whole hours: whole days
	 * come from day buckets, the hours at either edge from hour buckets.
	 * @param filter a filter on the bucket fields (view, channel, category, region,
	 * persona, playbook)
	 */
	public List<Bucket> read(Instant from, Instant to, Bson filter) {
		Instant start = Hours.hourOf(from);
		Instant end = Hours.ceilHour(to);
		Instant firstDay = Hours.dayOf(start).equals(start) ? start : Hours.dayOf(start).plus(1, ChronoUnit.DAYS);
		Instant lastDay = Hours.dayOf(end);
		List<Bucket> buckets = new ArrayList<>();
		if (firstDay.isBefore(lastDay)) {
			buckets.addAll(find(Grain.HOUR, start, firstDay, filter));
			buckets.addAll(find(Grain.DAY, firstDay, lastDay, filter));
			buckets.addAll(find(Grain.HOUR, lastDay, end, filter));
		}
		else {
			buckets.addAll(find(Grain.HOUR, start, end, filter));
		}
		return buckets;
	}

	/** Every hour bucket in [from, to), for time series. */
	public List<Bucket> readHours(Instant from, Instant to, Bson filter) {
		return find(Grain.HOUR, Hours.hourOf(from), Hours.ceilHour(to), filter);
	}

	/** Every day bucket in [from, to), for time series. */
	public List<Bucket> readDays(Instant from, Instant to, Bson filter) {
		return find(Grain.DAY, Hours.dayOf(from), Hours.ceilHour(to), filter);
	}

	/** Every bucket of a grain, in id order, for comparing two databases. */
	List<Document> dump(Grain grain) {
		List<Document> all = new ArrayList<>();
		this.mongo.getCollection(grain.collection()).find().sort(new Document("_id", 1)).into(all);
		return all;
	}

	private List<Bucket> find(Grain grain, Instant from, Instant to, Bson filter) {
		if (!from.isBefore(to)) {
			return List.of();
		}
		Bson query = Filters.and(Filters.gte("period", Date.from(from)), Filters.lt("period", Date.from(to)), filter);
		List<Bucket> buckets = new ArrayList<>();
		for (Document doc : this.mongo.getCollection(grain.collection()).find(query)) {
			buckets.add(toBucket(doc));
		}
		return buckets;
	}

	private void replace(Grain grain, Instant period, Map<BucketId, Counters> buckets) {
		List<String> ids = new ArrayList<>();
		List<ReplaceOneModel<Document>> writes = new ArrayList<>();
		buckets.forEach((id, counters) -> {
			String key = id.key(grain, period);
			ids.add(key);
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), toDocument(key, period, id, counters),
					new ReplaceOptions().upsert(true)));
		});
		if (!writes.isEmpty()) {
			this.mongo.getCollection(grain.collection()).bulkWrite(writes);
		}
		this.mongo.getCollection(grain.collection())
			.deleteMany(Filters.and(Filters.eq("period", Date.from(period)), Filters.nin("_id", ids)));
	}

	private static Document toDocument(String key, Instant period, BucketId id, Counters counters) {
		Dims dims = id.dims();
		return new Document("_id", key).append("period", Date.from(period))
			.append("view", id.view().name())
			.append("channel", dims.channel())
			.append("category", dims.category())
			.append("region", dims.region())
			.append("persona", dims.persona())
			.append("playbook", dims.playbook())
			.append("m", counters.toDocument());
	}

	private static Bucket toBucket(Document doc) {
		Dims dims = new Dims(doc.getString("channel"), doc.getString("category"), doc.getString("region"),
				doc.getString("persona"), doc.getString("playbook"));
		return new Bucket(View.valueOf(doc.getString("view")), doc.getDate("period").toInstant(), dims,
				Counters.fromDocument(doc.get("m", Document.class)));
	}

	/**
	 * The identity of a bucket within a period.
	 *
	 * @param view the cut
	 * @param dims the dimensions, projected to the view
	 */
	record BucketId(View view, Dims dims) {

		String key(Grain grain, Instant period) {
			return grain.name() + "|" + period + "|" + this.view.name() + "|" + this.dims.key();
		}

	}

}
