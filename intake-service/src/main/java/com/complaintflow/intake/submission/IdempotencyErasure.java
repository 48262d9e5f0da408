package com.complaintflow.intake.submission;

import java.util.Map;
import java.util.regex.Pattern;

import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.erasure.CustomerDataEraser;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Intake's part of an erasure that is not keyed by a {@code customerId} field: the
 * idempotency records, whose stored event (name, phone, the complaint's words) names the
 * customer only inside its JSON. An erasure is rare, so the scan is acceptable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdempotencyErasure implements CustomerDataEraser {

	private final MongoTemplate mongo;

	IdempotencyErasure(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Long> erase(String customerId) {
		String field = "\"customerId\":" + EventJson.mapper().writeValueAsString(customerId);
		Query query = Query.query(Criteria.where("event").regex(Pattern.quote(field)));
		long deleted = this.mongo.remove(query, IdempotencyStore.COLLECTION).getDeletedCount();
		return (deleted > 0) ? Map.of(IdempotencyStore.COLLECTION, deleted) : Map.of();
	}

}
