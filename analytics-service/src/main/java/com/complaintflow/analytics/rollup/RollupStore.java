package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.rollup.PeriodCache.Period;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rollups in MongoDB, one document per period ({@code rollup_detail}, ids
 * {@code H|<hour>}, {@code D|<day>}, {@code M|<month>}) holding every bucket (dimension
 * combination) of the period under {@code b.<view|dims>}. The stream writes each bucket's
 * latest value ({@link #write}); a range is read by document ids (the primary key), so
 * reads stay fast on any MongoDB, and summaries are added up from the buckets on read.
 */
@Component
public class RollupStore {

	static final String DETAIL = "rollup_detail";

	static final String META = "rollup_meta";

	private static final String EXTENT = "extent";

	private static final String BUCKETS = "b";

	private final MongoTemplate mongo;

	private final PeriodCache cache = new PeriodCache();

	RollupStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Writes the latest value of buckets, in one bulk write: each period document gets
	 * its buckets set (or removed, when empty), whatever else it holds. Writing the same
	 * values again changes nothing.
	 * @param buckets by period document id, by bucket field, the bucket's measures
	 */
	public void write(Map<String, Map<String, Counters>> buckets) {
		if (buckets.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> writes = new ArrayList<>(buckets.size());
		Instant first = null;
		Instant last = null;
		for (Map.Entry<String, Map<String, Counters>> period : buckets.entrySet()) {
			String id = period.getKey();
			Grain grain = Grain.ofPrefix(id.substring(0, id.indexOf('|')));
			Instant start = Instant.parse(id.substring(id.indexOf('|') + 1));
			List<Bson> updates = new ArrayList<>();
			updates.add(Updates.setOnInsert("period", Date.from(start)));
			updates.add(Updates.setOnInsert("grain", grain.name()));
			updates.add(Updates.inc("v", 1L));
			period.getValue()
				.forEach((field, counters) -> updates.add(counters.isEmpty() ? Updates.unset(BUCKETS + "." + field)
						: Updates.set(BUCKETS + "." + field, counters.toDocument())));
			writes.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates),
					new UpdateOptions().upsert(true)));
			first = (first == null || start.isBefore(first)) ? start : first;
			last = (last == null || start.isAfter(last)) ? start : last;
		}
		this.mongo.getCollection(DETAIL).bulkWrite(writes, new BulkWriteOptions().ordered(false));
		if (first != null) {
			this.mongo.getCollection(META)
				.updateOne(Filters.eq("_id", EXTENT),
						Updates.combine(Updates.min("first", Date.from(first)), Updates.max("last", Date.from(last))),
						new UpdateOptions().upsert(true));
		}
	}

	/** The summary of [from, to), both rounded out to whole hours. */
	public RollupSummary readSummary(Instant from, Instant to) {
		RollupSummary summary = new RollupSummary();
		for (Map.Entry<Grain, List<Instant>> periods : cover(from, to).entrySet()) {
			find(periods.getKey(), periods.getValue()).forEach((period) -> summary.addSummary(period.summary()));
		}
		return summary;
	}

	/** The summary of each hour or day in [from, to) that has data, by period start. */
	public Map<Instant, RollupSummary> readSummaries(Instant from, Instant to, boolean daily) {
		Grain grain = daily ? Grain.DAY : Grain.HOUR;
		Map<Instant, RollupSummary> result = new LinkedHashMap<>();
		Instant[] extent = clamp(grain.startOf(from), Hours.ceilHour(to));
		if (extent != null) {
			for (Period period : find(grain, periods(grain, grain.startOf(extent[0]), extent[1]))) {
				if (!period.summary().isEmpty()) {
					RollupSummary summary = new RollupSummary();
					summary.addSummary(period.summary());
					result.put(period.start(), summary);
				}
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
		for (Map.Entry<Grain, List<Instant>> periods : cover(from, to).entrySet()) {
			for (Period period : find(periods.getKey(), periods.getValue())) {
				result.addAll(matching(period, filter));
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
		for (Period period : find(grain, periods(grain, grain.startOf(extent[0]), extent[1]))) {
			result.addAll(matching(period, filter));
		}
		return result;
	}

	/**
	 * Every period document that has buckets, in id order, without its version (how many
	 * writes it took), for comparing two databases.
	 */
	List<Document> dump() {
		List<Document> all = new ArrayList<>();
		for (Document doc : this.mongo.getCollection(DETAIL).find().sort(new Document("_id", 1))) {
			if (!doc.get(BUCKETS, new Document()).isEmpty()) {
				doc.remove("v");
				all.add(doc);
			}
		}
		return all;
	}

	/**
	 * The fewest periods covering [from, to) within the data's extent: months, days, then
	 * hours at the edges.
	 */
	private Map<Grain, List<Instant>> cover(Instant from, Instant to) {
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
			Grain grain = Grain.MONTH.fits(at, extent[1]) ? Grain.MONTH
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

	private List<Period> find(Grain grain, Collection<Instant> periods) {
		return this.cache.get(this.mongo.getCollection(DETAIL), periods.stream().map(grain::id).toList());
	}

	/** The buckets of a period that pass the filter. */
	private static List<Bucket> matching(Period period, BiPredicate<View, Dims> filter) {
		List<Bucket> matching = new ArrayList<>();
		for (Bucket bucket : period.buckets()) {
			if (filter.test(bucket.view(), bucket.dims())) {
				matching.add(bucket);
			}
		}
		return matching;
	}

}
