package com.complaintflow.triage.incident;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One complaint's membership of an incident, one document per incident and complaint
 * ({@code _id} = incident id + "|" + complaint id), so membership grows a collection, not
 * the incident's document.
 *
 * @param id incident id and complaint id
 * @param incidentId the incident
 * @param complaintId the member complaint
 * @param joinedAt when the complaint was received
 * @param revision the incident revision its joining produced (1 for the first members)
 */
@Document("incident_members")
record IncidentMember(@Id String id, String incidentId, String complaintId, Instant joinedAt, int revision) {

	static String id(String incidentId, String complaintId) {
		return incidentId + "|" + complaintId;
	}

}
