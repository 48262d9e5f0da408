package com.complaintflow.followup.erasure;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.complaintflow.events.CustomerDataErased;
import com.complaintflow.support.erasure.ErasureReports;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The audit of erasures ({@code erasures}): who asked, when, with which reference, and
 * what each service reported erased where. It never holds the customer's id: the request
 * travels on Kafka only.
 */
@Component
class ErasureLedger implements ErasureReports {

	static final String COLLECTION = "erasures";

	/** The services that keep personal data and report their erasure. */
	static final List<String> SERVICES = List.of("intake", "triage", "followup");

	private final MongoTemplate mongo;

	ErasureLedger(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Records a request once; false when its id was recorded before (a retry). */
	boolean open(String erasureId, String requestedBy, String reference, Instant at) {
		try {
			this.mongo.insert(new Document("_id", erasureId).append("requestedBy", requestedBy)
				.append("reference", reference)
				.append("requestedAt", Date.from(at))
				.append("reports", new Document()), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Override
	public void record(CustomerDataErased report) {
		Query firstReport = Query
			.query(Criteria.where("_id").is(report.erasureId()).and("reports." + report.service()).exists(false));
		this.mongo.updateFirst(firstReport,
				new Update().set("reports." + report.service(), new Document("erasedAt", Date.from(report.occurredAt()))
					.append("erased", new Document(Map.copyOf(report.erased())))),
				COLLECTION);
	}

	Optional<Document> find(String erasureId) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("_id").is(erasureId)), Document.class, COLLECTION));
	}

}
