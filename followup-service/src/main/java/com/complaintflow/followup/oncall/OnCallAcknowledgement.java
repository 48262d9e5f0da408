package com.complaintflow.followup.oncall;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who acknowledged an on-call alert and when; kept apart from the alert, which moves
 * between the outbox and the delivered collection while it is delivered.
 *
 * @param alertId the alert (the reminder's event id)
 * @param by the staff login
 * @param at when
 */
@Document("oncall_acknowledgements")
record OnCallAcknowledgement(@Id String alertId, String by, Instant at) {

}
