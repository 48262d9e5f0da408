package com.complaintflow.analytics.report;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.journal.Timelines;
import com.complaintflow.analytics.rollup.DrillIndex;
import com.complaintflow.analytics.rollup.Measures;
import com.complaintflow.support.mongo.StartupIndexes;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The drill-down: the complaints behind a figure (a measure in a range under the
 * dashboard's filters), newest first, from the timelines' read model and the fields
 * {@link DrillIndex} keeps beside them.
 */
@Component
public class ComplaintFinder {

	/** The most complaints one answer lists. */
	public static final int MAX_LIMIT = 200;

	private final MongoTemplate mongo;

	ComplaintFinder(MongoTemplate mongo) {
		this.mongo = mongo;
		// A drill-down names a measure and an hour range: on MongoDB this multikey index
		// answers it without scanning every complaint.
		StartupIndexes.ensure(mongo, Timelines.COLLECTION,
				new Index().on(DrillIndex.MEASURES + "." + DrillIndex.MEASURE, Sort.Direction.ASC)
					.on(DrillIndex.MEASURES + "." + DrillIndex.HOUR, Sort.Direction.ASC)
					.named("drill_measure_hour"));
	}

	/**
	 * The complaints counted under a measure in a range.
	 * @param measure a measure {@link DrillIndex#indexed indexed} for drill-down
	 * @param from start of the range, rounded down to the hour
	 * @param to end of the range (exclusive), rounded up to the hour
	 * @param filter the dimensions they must have
	 * @param limit at most this many complaints (1 to {@value #MAX_LIMIT})
	 * @return the total and the newest complaints
	 */
	public ComplaintList find(String measure, Instant from, Instant to, RollupFilter filter, int limit) {
		if (!DrillIndex.indexed(measure)) {
			throw new InvalidQueryException(
					"measure '" + measure + "' cannot be drilled into; use " + DrillIndex.listable());
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT);
		}
		Instant start = Hours.hourOf(from);
		Instant end = Hours.ceilHour(to);
		Criteria criteria = Criteria.where(DrillIndex.MEASURES)
			.elemMatch(Criteria.where(DrillIndex.MEASURE)
				.is(measure)
				.and(DrillIndex.HOUR)
				.gte(Date.from(start))
				.lt(Date.from(end)));
		filter.fields().forEach((name, value) -> criteria.and(DrillIndex.DIMS + "." + name).is(value));
		Query query = new Query(criteria);
		long total = this.mongo.count(query, Timelines.COLLECTION);
		query.fields().exclude("events");
		List<ComplaintRow> rows = this.mongo
			.find(query.with(Sort.by(Sort.Direction.DESC, DrillIndex.STARTED_AT).and(Sort.by("_id"))).limit(limit),
					Document.class, Timelines.COLLECTION)
			.stream()
			.map((doc) -> row(doc, measure, start, end))
			.toList();
		return new ComplaintList(measure, start, end, filter.fields(), total, rows);
	}

	private static ComplaintRow row(Document doc, String measure, Instant start, Instant end) {
		Instant at = null;
		String stage = null;
		for (Document counted : doc.getList(DrillIndex.MEASURES, Document.class, List.of())) {
			String name = counted.getString(DrillIndex.MEASURE);
			Instant hour = counted.getDate(DrillIndex.HOUR).toInstant();
			if (name.equals(measure) && !hour.isBefore(start) && hour.isBefore(end) && at == null) {
				at = hour;
			}
			if (Measures.STAGES.contains(name)
					&& (stage == null || Measures.STAGES.indexOf(name) > Measures.STAGES.indexOf(stage))) {
				stage = name;
			}
		}
		Document dims = doc.get(DrillIndex.DIMS, Document.class);
		Date started = doc.getDate(DrillIndex.STARTED_AT);
		return new ComplaintRow(doc.getString("_id"), (started != null) ? started.toInstant() : null, at, stage,
				dims.getString("channel"), dims.getString("category"), dims.getString("region"),
				dims.getString("persona"), dims.getString("playbook"));
	}

	/**
	 * The complaints behind one figure.
	 *
	 * @param measure the measure
	 * @param from start of the range (whole hour)
	 * @param to end of the range (exclusive, whole hour)
	 * @param filters the dimension filters applied
	 * @param total how many complaints are counted under it (the figure itself)
	 * @param complaints the newest of them, at most the limit asked for
	 */
	public record ComplaintList(String measure, Instant from, Instant to, Map<String, String> filters, long total,
			List<ComplaintRow> complaints) {

	}

	/**
	 * One complaint of a drill-down (never personal data: ids and dimensions only).
	 *
	 * @param complaintId the complaint
	 * @param startedAt its first event
	 * @param countedAt the hour it was counted under the measure
	 * @param stage the furthest lifecycle stage it reached
	 * @param channel its channel
	 * @param category its category
	 * @param region its region code
	 * @param persona its persona
	 * @param playbook its playbook
	 */
	public record ComplaintRow(String complaintId, Instant startedAt, Instant countedAt, String stage, String channel,
			String category, String region, String persona, String playbook) {

	}

}
