package com.complaintflow.triage.decision;

import java.util.Map;

import com.complaintflow.support.erasure.CustomerDataEraser;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Triage's erasure of a customer's history, keyed by the customer id itself; the
 * decisions (with the complaint's text and the matched words of their explanations) and
 * corrections carry a {@code customerId} and are deleted by {@code CustomerDocuments}.
 */
@Component
class HistoryErasure implements CustomerDataEraser {

	private final MongoTemplate mongo;

	HistoryErasure(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Long> erase(String customerId) {
		long deleted = this.mongo
			.remove(Query.query(Criteria.where("_id").is(customerId)), CustomerHistoryDocument.COLLECTION)
			.getDeletedCount();
		return (deleted > 0) ? Map.of(CustomerHistoryDocument.COLLECTION, deleted) : Map.of();
	}

}
