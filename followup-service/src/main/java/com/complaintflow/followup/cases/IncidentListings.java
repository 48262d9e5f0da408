package com.complaintflow.followup.cases;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.complaintflow.support.mongo.UnorderedBulk;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The member cases an outage's event listed before they were opened, one document per
 * case in {@code incident_listings} (by {@code _id}: the case id), so a member whose
 * decision reaches followup after the outage's event still joins the incident when its
 * case opens.
 */
@Component
class IncidentListings {

	static final String COLLECTION = "incident_listings";

	private final MongoTemplate mongo;

	IncidentListings(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records that the incident lists the cases (writing one again changes nothing: a
	 * case lists under the first incident that named it).
	 */
	void list(String incidentId, String incidentCaseId, Collection<String> memberCaseIds) {
		List<Consumer<BulkOperations>> upserts = memberCaseIds.stream()
			.<Consumer<BulkOperations>>map(
					(caseId) -> (bulk) -> bulk.upsert(Query.query(Criteria.where("_id").is(caseId)),
							new Update().setOnInsert("incidentId", incidentId)
								.setOnInsert("incidentCaseId", incidentCaseId)))
			.toList();
		UnorderedBulk.write(this.mongo, COLLECTION, upserts);
	}

	/** The incidents that listed any of the cases, by case id (one read). */
	Map<String, Listing> find(Collection<String> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Document.class, COLLECTION)
			.stream()
			.collect(Collectors.toMap((doc) -> doc.getString("_id"),
					(doc) -> new Listing(doc.getString("incidentId"), doc.getString("incidentCaseId"))));
	}

	/** Forgets the listings of cases that joined their incident. */
	void remove(Collection<String> caseIds) {
		if (!caseIds.isEmpty()) {
			this.mongo.remove(Query.query(Criteria.where("_id").in(caseIds)), COLLECTION);
		}
	}

	/** The incident that listed a case. */
	record Listing(String incidentId, String incidentCaseId) {

	}

}
