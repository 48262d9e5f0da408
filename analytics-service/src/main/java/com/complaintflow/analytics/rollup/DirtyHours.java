package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Hours whose rollups must be recomputed. Marking bumps a version, so a recompute that
 * raced with newer events leaves the mark in place and the hour is recomputed again.
 */
@Component
public class DirtyHours {

	static final String COLLECTION = "dirty_hours";

	private final MongoTemplate mongo;

	DirtyHours(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Marks hours for recomputation; marking twice is harmless. */
	public void mark(Collection<Instant> hours) {
		if (hours.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> updates = hours.stream()
			.map((hour) -> new UpdateOneModel<Document>(Filters.eq("_id", Date.from(hour)), Updates.inc("version", 1L),
					new UpdateOptions().upsert(true)))
			.toList();
		this.mongo.getCollection(COLLECTION).bulkWrite(updates);
	}

	/** The oldest marks, at most {@code limit}. */
	List<Mark> pending(int limit) {
		Query query = new Query().with(Sort.by("_id")).limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION)
			.stream()
			.map((doc) -> new Mark(doc.getDate("_id").toInstant(), ((Number) doc.get("version")).longValue()))
			.toList();
	}

	/** How many hours wait for recomputation. */
	public long backlog() {
		return this.mongo.count(new Query(), COLLECTION);
	}

	/** Removes a mark unless the hour was marked again since it was read. */
	void clear(Mark mark) {
		this.mongo.getCollection(COLLECTION)
			.deleteOne(Filters.and(Filters.eq("_id", Date.from(mark.hour())), Filters.eq("version", mark.version())));
	}

	/**
	 * A dirty hour and the version read.
	 *
	 * @param hour the hour
	 * @param version the mark's version when read
	 */
	record Mark(Instant hour, long version) {

	}

}
