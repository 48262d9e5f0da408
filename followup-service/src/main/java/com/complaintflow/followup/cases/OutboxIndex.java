package com.complaintflow.followup.cases;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The cases that may hold unpublished events ({@code outbox_pending}, one document per
 * case, written before the case write that adds events), so the outbox sweeper reads only
 * those instead of scanning every case. An entry is removed once its case's outbox was
 * seen empty, unless the case was written again since ({@code n} changed).
 */
class OutboxIndex {

	static final String COLLECTION = "outbox_pending";

	private final MongoCollection<Document> entries;

	OutboxIndex(MongoTemplate mongo) {
		this.entries = mongo.getCollection(COLLECTION);
	}

	void add(String caseId) {
		this.entries.updateOne(Filters.eq("_id", caseId), Updates.inc("n", 1L), new UpdateOptions().upsert(true));
	}

	/** Every entry, at most {@code limit}. */
	List<Entry> entries(int limit) {
		List<Entry> found = new ArrayList<>();
		for (Document entry : this.entries.find().limit(limit)) {
			found.add(new Entry(entry.getString("_id"), entry.get("n", Number.class).longValue()));
		}
		return found;
	}

	void remove(Entry entry) {
		this.entries.findOneAndDelete(Filters.and(Filters.eq("_id", entry.caseId()), Filters.eq("n", entry.writes())));
	}

	/** A case that may hold unpublished events, and the writes seen when it was read. */
	record Entry(String caseId, long writes) {

	}

}
