package com.complaintflow.triage.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.triage.rules.TriageContext;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The customer history triage decides with: one document per customer, read and written
 * by {@code _id} only (atomic single-document updates, safe to repeat). Complaints older
 * than the retention, and the oldest beyond {@link #MAX_KEPT}, are pruned when a poll
 * writes its histories ({@link HistoryBatch}).
 */
@Component
class CustomerHistory {

	/** The most complaints kept per customer; repeat counts saturate there. */
	static final int MAX_KEPT = 500;

	/** How long a complaint is kept at least, whatever the rules' history window. */
	static final Duration MIN_RETENTION = Duration.ofDays(366);

	private final MongoTemplate mongo;

	CustomerHistory(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * What the history says about a new complaint: the earlier complaints and claims
	 * within the window, and whether the latest of them was mishandled. Only reads (a
	 * preview writes nothing); a poll's {@link HistoryBatch} prunes when it writes.
	 */
	TriageContext contextFor(ComplaintReceived complaint, Duration window) {
		CustomerHistoryDocument history = this.mongo.findById(complaint.customerId(), CustomerHistoryDocument.class);
		if (history == null || history.complaints() == null) {
			return TriageContext.NONE;
		}
		return context(history.complaints(), complaint, window);
	}

	/**
	 * The histories of a poll's customers, read with one query, to decide the poll's
	 * complaints in memory and write them back in one bulk write.
	 */
	HistoryBatch batch(Collection<String> customerIds) {
		Map<String, List<PastComplaint>> loaded = new HashMap<>();
		for (CustomerHistoryDocument history : this.mongo.find(Query.query(Criteria.where("_id").in(customerIds)),
				CustomerHistoryDocument.class)) {
			if (history.complaints() != null) {
				loaded.put(history.customerId(), history.complaints());
			}
		}
		return new HistoryBatch(this.mongo, loaded);
	}

	/**
	 * What a customer's complaints say about a new complaint: the earlier complaints and
	 * claims within the window, and whether the latest of them was mishandled.
	 */
	static TriageContext context(List<PastComplaint> complaints, ComplaintReceived complaint, Duration window) {
		Instant receivedAt = complaint.occurredAt();
		List<PastComplaint> previous = complaints.stream()
			.filter((past) -> !past.complaintId().equals(complaint.complaintId()))
			.filter((past) -> !past.receivedAt().isBefore(receivedAt.minus(window))
					&& !past.receivedAt().isAfter(receivedAt))
			.sorted(Comparator.comparing(PastComplaint::receivedAt).reversed())
			.toList();
		if (previous.isEmpty()) {
			return TriageContext.NONE;
		}
		int claims = (int) previous.stream().filter(PastComplaint::claimed).count();
		PastComplaint latest = previous.get(0);
		return new TriageContext(previous.size(), claims, latest.mishandled(), latest.promiseBroken(), null);
	}

	/** The oldest time a history read for this complaint keeps. */
	static Instant keepFrom(ComplaintReceived complaint, Duration window) {
		return complaint.occurredAt().minus(window.compareTo(MIN_RETENTION) > 0 ? window : MIN_RETENTION);
	}

	/**
	 * The complaints pruned: older than {@code keepFrom}, or beyond the newest
	 * {@link #MAX_KEPT}.
	 */
	static List<String> expired(List<PastComplaint> complaints, Instant keepFrom) {
		List<PastComplaint> newestFirst = complaints.stream()
			.sorted(Comparator.comparing(PastComplaint::receivedAt).reversed())
			.toList();
		List<String> dropped = new ArrayList<>();
		for (int i = 0; i < newestFirst.size(); i++) {
			PastComplaint past = newestFirst.get(i);
			if (i >= MAX_KEPT || past.receivedAt().isBefore(keepFrom)) {
				dropped.add(past.complaintId());
			}
		}
		return dropped;
	}

	/**
	 * The customer's history if it does not hold the complaint yet: with {@link #push},
	 * an add by id that a redelivery or a second decider repeats harmlessly (also when
	 * the entry was marked since).
	 */
	static Query withoutComplaint(String customerId, PastComplaint complaint) {
		return Query
			.query(Criteria.where("_id").is(customerId).and("complaints.complaintId").ne(complaint.complaintId()));
	}

	/** Adds the complaint to a history (see {@link #withoutComplaint}). */
	static Update push(PastComplaint complaint) {
		return new Update().push("complaints", complaint);
	}

	static Update pull(List<String> complaintIds) {
		return new Update().pull("complaints", new Document("complaintId", new Document("$in", complaintIds)));
	}

	/** Adds a complaint to its customer's history; adding it again changes nothing. */
	void add(String customerId, PastComplaint complaint) {
		try {
			this.mongo.upsert(withoutComplaint(customerId, complaint), push(complaint), CustomerHistoryDocument.class);
		}
		catch (DuplicateKeyException ex) {
			// the customer's document exists and holds the complaint already
		}
	}

	/** Marks a complaint's handling as failed, so the customer's next one is valid. */
	void markMishandled(String customerId, String complaintId) {
		mark(customerId, complaintId, Update.update("complaints.$.mishandled", true));
	}

	/**
	 * Marks a deadline promised on a complaint as breached: its handling failed, and the
	 * customer's next complaint is over-compensated.
	 */
	void markPromiseBroken(String customerId, String complaintId) {
		mark(customerId, complaintId,
				Update.update("complaints.$.mishandled", true).set("complaints.$.promiseBroken", true));
	}

	private void mark(String customerId, String complaintId, Update update) {
		Query present = Query.query(Criteria.where("_id").is(customerId).and("complaints.complaintId").is(complaintId));
		this.mongo.updateFirst(present, update, CustomerHistoryDocument.class);
	}

}
