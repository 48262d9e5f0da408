package com.complaintflow.support.erasure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The eraser of every service that keeps personal data, run last: deletes, in every
 * collection of the service's database, the documents whose {@code customerId} is the
 * customer's, so a collection added later is covered without being named here.
 */
public final class CustomerDocuments implements CustomerDataEraser, Ordered {

	private final MongoTemplate mongo;

	public CustomerDocuments(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Long> erase(String customerId) {
		Map<String, Long> erased = new LinkedHashMap<>();
		Query query = Query.query(Criteria.where("customerId").is(customerId));
		for (String collection : this.mongo.getCollectionNames()) {
			long deleted = this.mongo.remove(query, collection).getDeletedCount();
			if (deleted > 0) {
				erased.put(collection, deleted);
			}
		}
		return erased;
	}

	/**
	 * Last: the service's own erasers may still need to read the customer's documents.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
