package com.complaintflow.triage.incident;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The first members of an incident (the ones its events list), one document per incident
 * keyed by its id: written when it opens and appended to only until it holds
 * {@link IncidentMembers#MAX_LISTED}, so joins of a large outage do not rewrite it.
 *
 * @param incidentId the incident (the document id)
 * @param members the first members, in about joining order (at most MAX_LISTED plus one
 * poll's joiners; events list the first MAX_LISTED)
 */
@Document("incident_first_members")
record FirstMembers(@Id String incidentId, List<String> members) {
}
