package com.complaintflow.analytics.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.complaintflow.events.ComplaintEvent;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per complaint holding every event analytics received for it, keyed by
 * event id: recording an event is an idempotent, order-independent upsert, so redelivery
 * and replay change nothing. Rollups are derived from these documents; an hour's members
 * (complaints with events in it) are kept per hour so a recompute reads them by primary
 * key.
 */
@Component
public class ComplaintJournal {

	static final String COLLECTION = "complaints";

	/**
	 * Which complaints have events in an hour, one document per hour keyed by the hour.
	 */
	static final String MEMBERS = "hour_members";

	private final MongoTemplate mongo;

	ComplaintJournal(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records an event in its complaint's document; recording it again changes nothing.
	 * @param event the event
	 * @return every hour the complaint has events in, which are the hours whose rollups
	 * this event may change
	 */
	public List<Instant> record(ComplaintEvent event) {
		Document entry = new Document("type", event.type()).append("source", event.source())
			.append("at", Date.from(event.occurredAt()))
			.append("attrs", EventAttributes.of(event));
		Update update = new Update().set("events." + event.eventId(), entry)
			.addToSet("hours", Date.from(Hours.hourOf(event.occurredAt())))
			.setOnInsert("customerId", event.customerId());
		Document saved = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(event.complaintId())), update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
		this.mongo.getCollection(MEMBERS)
			.updateOne(Filters.eq("_id", Date.from(Hours.hourOf(event.occurredAt()))),
					Updates.addToSet("complaints", event.complaintId()), new UpdateOptions().upsert(true));
		return hours(saved);
	}

	/** The complaint's events in time order, if analytics has seen any. */
	public Optional<ComplaintRecord> find(String complaintId) {
		return Optional.ofNullable(this.mongo.findById(complaintId, Document.class, COLLECTION))
			.map(ComplaintJournal::toRecord);
	}

	/** Every complaint with at least one event in the given hour. */
	public List<ComplaintRecord> touching(Instant hour) {
		Document members = this.mongo.getCollection(MEMBERS).find(Filters.eq("_id", Date.from(hour))).first();
		if (members == null) {
			return List.of();
		}
		List<ComplaintRecord> records = new ArrayList<>();
		this.mongo.getCollection(COLLECTION)
			.find(Filters.in("_id", members.getList("complaints", String.class)))
			.projection(Projections.include("events"))
			.forEach((doc) -> records.add(toRecord(doc)));
		return records;
	}

	private static List<Instant> hours(Document saved) {
		List<Instant> hours = new ArrayList<>();
		for (Object hour : saved.getList("hours", Object.class, List.of())) {
			hours.add(((Date) hour).toInstant());
		}
		return hours;
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
