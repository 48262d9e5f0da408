package com.complaintflow.analytics.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.complaintflow.events.ComplaintEvent;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
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
	public Set<Instant> record(ComplaintEvent event) {
		return recordAll(List.of(event));
	}

	/**
	 * Records a batch of events: the same effect as recording each in turn, in a few bulk
	 * writes.
	 * @param events the events
	 * @return every hour the batch's complaints have events in
	 */
	public Set<Instant> recordAll(List<ComplaintEvent> events) {
		if (events.isEmpty()) {
			return Set.of();
		}
		List<UpdateOneModel<Document>> journal = new ArrayList<>();
		Map<Date, Set<String>> members = new TreeMap<>();
		for (ComplaintEvent event : events) {
			Date hour = Date.from(Hours.hourOf(event.occurredAt()));
			journal.add(new UpdateOneModel<>(Filters.eq("_id", event.complaintId()),
					Updates.combine(Updates.set("events." + event.eventId(), entry(event)),
							Updates.addToSet("hours", hour), Updates.setOnInsert("customerId", event.customerId())),
					new UpdateOptions().upsert(true)));
			members.computeIfAbsent(hour, (key) -> new LinkedHashSet<>()).add(event.complaintId());
		}
		// Ordered: two events of one complaint in a batch must not race to insert it.
		this.mongo.getCollection(COLLECTION).bulkWrite(journal, new BulkWriteOptions().ordered(true));
		List<UpdateOneModel<Document>> hourMembers = new ArrayList<>();
		members.forEach((hour, ids) -> hourMembers.add(new UpdateOneModel<>(Filters.eq("_id", hour),
				Updates.addEachToSet("complaints", new ArrayList<>(ids)), new UpdateOptions().upsert(true))));
		this.mongo.getCollection(MEMBERS).bulkWrite(hourMembers, new BulkWriteOptions().ordered(true));
		Set<Instant> hours = new TreeSet<>();
		List<String> complaintIds = events.stream().map(ComplaintEvent::complaintId).distinct().toList();
		this.mongo.getCollection(COLLECTION)
			.find(Filters.in("_id", complaintIds))
			.projection(Projections.include("hours"))
			.forEach((doc) -> hours.addAll(hours(doc)));
		return hours;
	}

	private static Document entry(ComplaintEvent event) {
		return new Document("type", event.type()).append("source", event.source())
			.append("at", Date.from(event.occurredAt()))
			.append("attrs", EventAttributes.of(event));
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
