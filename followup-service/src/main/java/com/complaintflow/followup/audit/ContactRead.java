package com.complaintflow.followup.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a customer's contact details: who read them, for which case, when and
 * through which endpoint. Ids only, no personal values.
 *
 * @param readId the read's id
 * @param caseId the case whose contact was read
 * @param staffId who read it
 * @param at when
 * @param endpoint the endpoint that answered with the contact
 */
@Document("contact_reads")
public record ContactRead(@Id String readId, String caseId, String staffId, Instant at, String endpoint) {

}
