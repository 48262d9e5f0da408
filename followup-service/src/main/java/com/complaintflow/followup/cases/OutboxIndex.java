package com.complaintflow.followup.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
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

	/** Adds many cases in one bulk write. */
	void addAll(Collection<String> caseIds) {
		if (caseIds.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> writes = caseIds.stream()
			.map((caseId) -> new UpdateOneModel<Document>(Filters.eq("_id", caseId), Updates.inc("n", 1L),
					new UpdateOptions().upsert(true)))
			.toList();
		try {
			this.entries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException ex) {
			// another instance created an entry at once: now it exists
			if (!ex.getWriteErrors().stream().allMatch((error) -> error.getCategory() == ErrorCategory.DUPLICATE_KEY)) {
				throw ex;
			}
			this.entries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
		}
	}

	/** Every entry, at most {@code limit}. */
	List<Entry> entries(int limit) {
		List<Entry> found = new ArrayList<>();
		for (Document entry : this.entries.find().limit(limit)) {
			found.add(new Entry(entry.getString("_id"), entry.get("n", Number.class).longValue()));
		}
		return found;
	}

	/** Removes many entries in one bulk write, each unless its case was written since. */
	void removeAll(List<Entry> removed) {
		if (removed.isEmpty()) {
			return;
		}
		this.entries.bulkWrite(removed.stream()
			.map((entry) -> new DeleteOneModel<Document>(
					Filters.and(Filters.eq("_id", entry.caseId()), Filters.eq("n", entry.writes()))))
			.toList(), new BulkWriteOptions().ordered(false));
	}

	/** A case that may hold unpublished events, and the writes seen when it was read. */
	record Entry(String caseId, long writes) {

	}

}
