package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

import com.complaintflow.analytics.journal.Hours;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rollups in MongoDB, one document per period: {@code rollup_detail} holds every
 * bucket (dimension combination) of an hour or a day, {@code rollup_summary} the compact
 * totals and splits of an hour, a day or a month. A period is rewritten as one document,
 * so readers see it before or after a recompute, never half-way; a range is read by
 * document ids (the primary key), so reads stay fast on any MongoDB.
 */
@Component
public class RollupStore {

	static final String DETAIL = "rollup_detail";

	static final String SUMMARY = "rollup_summary";

	static final String META = "rollup_meta";

	private static final String EXTENT = "extent";

	private final MongoTemplate mongo;

	RollupStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Replaces the buckets of one hour and its summary. */
	void replaceHour(Instant hour, Map<BucketId, Counters> buckets) {
		write(Grain.HOUR, hour, buckets);
		this.mongo.getCollection(META)
			.updateOne(Filters.eq("_id", EXTENT),
					Updates.combine(Updates.min("first", Date.from(hour)), Updates.max("last", Date.from(hour))),
					new UpdateOptions().upsert(true));
	}

	/** Rebuilds a day from its hours; rebuild its month afterwards. */
	void rebuildDay(Instant day) {
		List<Instant> hours = periods(Grain.HOUR, day, Grain.DAY.next(day));
		Map<BucketId, Counters> merged = new LinkedHashMap<>();
		for (Document doc : find(DETAIL, Grain.HOUR, hours)) {
			buckets(doc).forEach((id, counters) -> merged.computeIfAbsent(id, (key) -> new Counters()).merge(counters));
		}
		write(Grain.DAY, day, merged);
	}

	/** Rebuilds a month's summary from its days. */
	void rebuildMonth(Instant month) {
		RollupSummary summary = new RollupSummary();
		find(SUMMARY, Grain.DAY, periods(Grain.DAY, month, Grain.MONTH.next(month))).forEach(summary::addDocument);
		replace(SUMMARY, Grain.MONTH, month, summary.isEmpty() ? null : summary.toDocument());
	}

	/** The summary of [from, to), both rounded out to whole hours. */
	public RollupSummary readSummary(Instant from, Instant to) {
		RollupSummary summary = new RollupSummary();
		for (Map.Entry<Grain, List<Instant>> periods : cover(from, to, true).entrySet()) {
			find(SUMMARY, periods.getKey(), periods.getValue()).forEach(summary::addDocument);
		}
		return summary;
	}

	/** The summary of each hour or day in [from, to) that has data, by period start. */
	public Map<Instant, RollupSummary> readSummaries(Instant from, Instant to, boolean daily) {
		Grain grain = daily ? Grain.DAY : Grain.HOUR;
		Map<Instant, RollupSummary> result = new LinkedHashMap<>();
		Instant[] extent = clamp(grain.startOf(from), Hours.ceilHour(to));
		if (extent != null) {
			for (Document doc : find(SUMMARY, grain, periods(grain, grain.startOf(extent[0]), extent[1]))) {
				result.put(doc.getDate("period").toInstant(), RollupSummary.fromDocument(doc));
			}
		}
		return result;
	}

	/**
	 * The detailed buckets of [from, to) (rounded out to whole hours) that match: whole
	 * days from day documents, the edges from hour documents.
	 */
	public List<Bucket> readBuckets(Instant from, Instant to, BiPredicate<View, Dims> filter) {
		List<Bucket> result = new ArrayList<>();
		for (Map.Entry<Grain, List<Instant>> periods : cover(from, to, false).entrySet()) {
			for (Document doc : find(DETAIL, periods.getKey(), periods.getValue())) {
				result.addAll(matching(doc, filter));
			}
		}
		return result;
	}

	/** The detailed buckets of each hour or day in [from, to) that match. */
	public List<Bucket> readBucketSeries(Instant from, Instant to, boolean daily, BiPredicate<View, Dims> filter) {
		Grain grain = daily ? Grain.DAY : Grain.HOUR;
		List<Bucket> result = new ArrayList<>();
		Instant[] extent = clamp(grain.startOf(from), Hours.ceilHour(to));
		if (extent == null) {
			return result;
		}
		for (Document doc : find(DETAIL, grain, periods(grain, grain.startOf(extent[0]), extent[1]))) {
			result.addAll(matching(doc, filter));
		}
		return result;
	}

	/** Every rollup document, in id order, for comparing two databases. */
	List<Document> dump() {
		List<Document> all = new ArrayList<>();
		for (String collection : List.of(DETAIL, SUMMARY)) {
			this.mongo.getCollection(collection).find().sort(new Document("_id", 1)).into(all);
		}
		return all;
	}

	/**
	 * The fewest periods covering [from, to) within the data's extent: months (when
	 * allowed), days, then hours at the edges.
	 */
	private Map<Grain, List<Instant>> cover(Instant from, Instant to, boolean months) {
		Map<Grain, List<Instant>> cover = new LinkedHashMap<>();
		for (Grain grain : Grain.values()) {
			cover.put(grain, new ArrayList<>());
		}
		Instant[] extent = clamp(Hours.hourOf(from), Hours.ceilHour(to));
		if (extent == null) {
			return cover;
		}
		Instant at = extent[0];
		while (at.isBefore(extent[1])) {
			Grain grain = (months && Grain.MONTH.fits(at, extent[1])) ? Grain.MONTH
					: Grain.DAY.fits(at, extent[1]) ? Grain.DAY : Grain.HOUR;
			cover.get(grain).add(at);
			at = grain.next(at);
		}
		return cover;
	}

	/**
	 * Narrows [from, to) to the hours that have ever been computed, keeping day and month
	 * boundaries, or null when they do not overlap.
	 */
	private Instant[] clamp(Instant from, Instant to) {
		Document extent = this.mongo.getCollection(META).find(Filters.eq("_id", EXTENT)).first();
		if (extent == null) {
			return null;
		}
		Instant first = Grain.MONTH.startOf(extent.getDate("first").toInstant());
		Instant last = Grain.MONTH.next(Grain.MONTH.startOf(extent.getDate("last").toInstant()));
		Instant start = from.isBefore(first) ? first : from;
		Instant end = to.isAfter(last) ? last : to;
		return start.isBefore(end) ? new Instant[] { start, end } : null;
	}

	private static List<Instant> periods(Grain grain, Instant from, Instant to) {
		List<Instant> periods = new ArrayList<>();
		for (Instant at = from; at.isBefore(to); at = grain.next(at)) {
			periods.add(at);
		}
		return periods;
	}

	private List<Document> find(String collection, Grain grain, Collection<Instant> periods) {
		List<Document> docs = new ArrayList<>();
		if (!periods.isEmpty()) {
			List<String> ids = periods.stream().map(grain::id).toList();
			this.mongo.getCollection(collection).find(Filters.in("_id", ids)).into(docs);
		}
		return docs;
	}

	private void write(Grain grain, Instant period, Map<BucketId, Counters> buckets) {
		RollupSummary summary = new RollupSummary();
		List<Document> entries = new ArrayList<>();
		Map<String, BucketId> sorted = new TreeMap<>();
		buckets.keySet().forEach((id) -> sorted.put(id.view() + "|" + id.dims().key(), id));
		sorted.values().forEach((id) -> {
			Counters counters = buckets.get(id);
			if (id.view() == View.MAIN) {
				summary.addMain(id.dims(), counters);
			}
			else {
				summary.addRegion(id.dims(), counters);
			}
			Dims dims = id.dims();
			entries.add(new Document("view", id.view().name()).append("channel", dims.channel())
				.append("category", dims.category())
				.append("region", dims.region())
				.append("persona", dims.persona())
				.append("playbook", dims.playbook())
				.append("m", counters.toDocument()));
		});
		// Buckets in a fixed order, so the same rollups are the same documents.
		replace(DETAIL, grain, period, entries.isEmpty() ? null : new Document("buckets", entries));
		replace(SUMMARY, grain, period, entries.isEmpty() ? null : summary.toDocument());
	}

	/** Replaces one period's document, or deletes it when the period has no data. */
	private void replace(String collection, Grain grain, Instant period, Document body) {
		String id = grain.id(period);
		if (body == null) {
			this.mongo.getCollection(collection).deleteOne(Filters.eq("_id", id));
			return;
		}
		Document doc = new Document("_id", id).append("period", Date.from(period)).append("grain", grain.name());
		doc.putAll(body);
		this.mongo.getCollection(collection).replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
	}

	private static Map<BucketId, Counters> buckets(Document doc) {
		Map<BucketId, Counters> buckets = new LinkedHashMap<>();
		for (Document entry : doc.getList("buckets", Document.class, List.of())) {
			buckets.put(bucketId(entry), Counters.fromDocument(entry.get("m", Document.class)));
		}
		return buckets;
	}

	/**
	 * The buckets of a period document that pass the filter; the others are not decoded.
	 */
	private static List<Bucket> matching(Document doc, BiPredicate<View, Dims> filter) {
		Instant period = doc.getDate("period").toInstant();
		List<Bucket> matching = new ArrayList<>();
		for (Document entry : doc.getList("buckets", Document.class, List.of())) {
			BucketId id = bucketId(entry);
			if (filter.test(id.view(), id.dims())) {
				matching.add(new Bucket(id.view(), period, id.dims(),
						Counters.fromDocument(entry.get("m", Document.class))));
			}
		}
		return matching;
	}

	private static BucketId bucketId(Document entry) {
		Dims dims = new Dims(entry.getString("channel"), entry.getString("category"), entry.getString("region"),
				entry.getString("persona"), entry.getString("playbook"));
		return new BucketId(View.valueOf(entry.getString("view")), dims);
	}

	/**
	 * The identity of a bucket within a period.
	 *
	 * @param view the cut
	 * @param dims the dimensions, projected to the view
	 */
	record BucketId(View view, Dims dims) {

	}

}
