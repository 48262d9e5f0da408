package com.complaintflow.triage.incident;

import java.util.LinkedHashMap;
import java.util.Map;

import com.complaintflow.events.Customer;
import com.complaintflow.support.erasure.CustomerDataEraser;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Outage detection's part of an erasure: the customer's signals leave the regions'
 * windows and an incident the customer's complaint happened to open is keyed to nobody
 * (the outage and its counts stay).
 */
@Component
class IncidentErasure implements CustomerDataEraser {

	private final MongoTemplate mongo;

	IncidentErasure(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Map<String, Long> erase(String customerId) {
		Map<String, Long> erased = new LinkedHashMap<>();
		long regions = this.mongo
			.updateMulti(Query.query(Criteria.where("signals.customerId").is(customerId)),
					new Update().pull("signals", new Document("customerId", customerId)), OutageRegion.class)
			.getModifiedCount();
		long incidents = this.mongo
			.updateMulti(Query.query(Criteria.where("firstCustomerId").is(customerId)),
					new Update().set("firstCustomerId", Customer.ERASED_ID), Incident.class)
			.getModifiedCount();
		if (regions > 0) {
			erased.put(this.mongo.getCollectionName(OutageRegion.class), regions);
		}
		if (incidents > 0) {
			erased.put(this.mongo.getCollectionName(Incident.class), incidents);
		}
		return erased;
	}

}
