package com.complaintflow.triage.decision;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer's recent complaints in one document keyed by the customer id, so reading a
 * history is one lookup by {@code _id} however many complaints the database holds.
 *
 * @param customerId the customer (the document id)
 * @param complaints the complaints kept, in no particular order
 */
@Document(CustomerHistoryDocument.COLLECTION)
record CustomerHistoryDocument(@Id String customerId, List<PastComplaint> complaints) {

	static final String COLLECTION = "customer_history";

}
