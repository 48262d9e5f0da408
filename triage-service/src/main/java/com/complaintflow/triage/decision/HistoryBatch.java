package com.complaintflow.triage.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.support.mongo.UnorderedBulk;
import com.complaintflow.triage.rules.TriageContext;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The customer histories of one poll in memory: read with one query, so a customer's
 * later complaint in the poll sees the earlier one, and written back with one bulk write
 * of idempotent updates (a {@code $push} of each new complaint only if its id is not
 * there yet, {@code $addToSet} for a customer new at the read, {@code $pull} of the
 * pruned ones).
 */
class HistoryBatch {

	private final MongoTemplate mongo;

	private final Map<String, List<PastComplaint>> complaints;

	private final Map<String, List<PastComplaint>> added = new LinkedHashMap<>();

	private final Map<String, Instant> keepFrom = new LinkedHashMap<>();

	private final Set<String> stored;

	HistoryBatch(MongoTemplate mongo, Map<String, List<PastComplaint>> loaded) {
		this.mongo = mongo;
		this.complaints = new LinkedHashMap<>();
		loaded.forEach((customer, list) -> this.complaints.put(customer, new ArrayList<>(list)));
		this.stored = Set.copyOf(loaded.keySet());
	}

	/** What the customer's history (with the poll's earlier complaints) says. */
	TriageContext contextFor(ComplaintReceived complaint, Duration window) {
		List<PastComplaint> known = this.complaints.get(complaint.customerId());
		if (known == null) {
			return TriageContext.NONE;
		}
		this.keepFrom.merge(complaint.customerId(), CustomerHistory.keepFrom(complaint, window),
				(a, b) -> a.isAfter(b) ? a : b);
		return CustomerHistory.context(known, complaint, window);
	}

	/** Adds a complaint to its customer's history; adding it again changes nothing. */
	void add(String customerId, PastComplaint complaint) {
		List<PastComplaint> known = this.complaints.computeIfAbsent(customerId, (id) -> new ArrayList<>());
		if (known.stream().noneMatch((past) -> past.complaintId().equals(complaint.complaintId()))) {
			known.add(complaint);
			this.added.computeIfAbsent(customerId, (id) -> new ArrayList<>()).add(complaint);
		}
	}

	/** Writes the added complaints and prunes the expired ones, in one bulk write. */
	void write() {
		List<Consumer<BulkOperations>> operations = new ArrayList<>();
		this.added.forEach((customer, list) -> {
			if (this.stored.contains(customer)) {
				// by id, not by value: an entry marked since it was read (mishandled)
				// must not be added a second time, unmarked
				list.forEach((complaint) -> operations
					.add((bulk) -> bulk.updateOne(CustomerHistory.withoutComplaint(customer, complaint),
							CustomerHistory.push(complaint))));
			}
			else {
				operations.add((bulk) -> bulk.upsert(byId(customer),
						new Update().addToSet("complaints").each(list.toArray())));
			}
		});
		this.keepFrom.forEach((customer, from) -> {
			List<PastComplaint> stored = new ArrayList<>(this.complaints.get(customer));
			stored.removeAll(this.added.getOrDefault(customer, List.of()));
			List<String> expired = CustomerHistory.expired(stored, from);
			if (!expired.isEmpty()) {
				operations.add((bulk) -> bulk.updateOne(byId(customer), CustomerHistory.pull(expired)));
			}
		});
		UnorderedBulk.write(this.mongo, CustomerHistoryDocument.class, operations);
		this.added.clear();
		this.keepFrom.clear();
	}

	private static Query byId(String customerId) {
		return Query.query(Criteria.where("_id").is(customerId));
	}

}
