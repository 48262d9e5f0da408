package com.complaintflow.analytics.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model of complaint timelines: one document per complaint in {@code complaints}
 * with its events keyed by event id (and the fields the drill-down finds it by), replaced
 * whole with the complaint's latest state from the stream (so writing it again changes
 * nothing).
 */
@Component
public class Timelines {

	/** The collection. */
	public static final String COLLECTION = "complaints";

	private final MongoTemplate mongo;

	Timelines(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Replaces the events of each complaint, with fields derived from them, in one bulk
	 * write.
	 * @param eventsByComplaint each complaint's events, keyed by event id
	 * @param derived the fields stored beside a complaint's events
	 */
	public void write(Map<String, Document> eventsByComplaint, Function<ComplaintRecord, Document> derived) {
		if (eventsByComplaint.isEmpty()) {
			return;
		}
		List<ReplaceOneModel<Document>> writes = new ArrayList<>(eventsByComplaint.size());
		eventsByComplaint.forEach((complaintId, events) -> {
			Document complaint = new Document("_id", complaintId).append("events", events);
			derived.apply(toRecord(complaint)).forEach(complaint::putIfAbsent);
			writes.add(new ReplaceOneModel<>(Filters.eq("_id", complaintId), complaint,
					new ReplaceOptions().upsert(true)));
		});
		this.mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
	}

	/** The complaint's events in time order, if analytics has seen any. */
	public Optional<ComplaintRecord> find(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, Document.class, COLLECTION))
			.map(Timelines::toRecord);
	}

	private static ComplaintRecord toRecord(Document doc) {
		Document events = doc.get("events", Document.class);
		List<JournalEntry> entries = new ArrayList<>();
		if (events != null) {
			for (Map.Entry<String, Object> event : events.entrySet()) {
				entries.add(JournalEntry.of(event.getKey(), (Document) event.getValue()));
			}
		}
		return new ComplaintRecord(doc.getString("_id"), entries);
	}

}
