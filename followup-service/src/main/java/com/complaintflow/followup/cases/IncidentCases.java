package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Priority;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One incident case per detected outage, linked to the cases of its member complaints
 * (whichever of the incident and a member arrives first). Resolving the incident case
 * resolves its members ({@link CaseActions#resolve}).
 */
@Component
class IncidentCases {

	private static final int ATTEMPTS = 5;

	private final CaseStore store;

	private final Clock clock;

	IncidentCases(CaseStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Opens the incident case if needed and links every member case that exists. */
	void on(IncidentDetected incident) {
		String id = CaseOpening.incidentCaseIdFor(incident.incidentId());
		if (this.store.findById(id).isEmpty()) {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			FollowupCase c = new FollowupCase(id, CaseKind.INCIDENT, incident.incidentId(), incident.customerId(), now);
			c.setTriage(null, incident.regionCode(), null, incident.category(), Priority.P1, null, "incidents",
					incident.incidentId(), List.of(), 0);
			c.record(now, "OPENED", "system", "Incident case for an outage in " + incident.regionCode());
			this.store.insert(c);
		}
		List<String> members = this.store.findByComplaintIds(incident.memberComplaintIds())
			.stream()
			.map(FollowupCase::getId)
			.toList();
		link(id, members);
	}

	/** Adds member cases to an incident case that exists; does nothing otherwise. */
	void link(String incidentCaseId, List<String> memberCaseIds) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			FollowupCase incident = this.store.findById(incidentCaseId).orElse(null);
			if (incident == null) {
				return;
			}
			List<String> missing = memberCaseIds.stream()
				.filter((member) -> !incident.getMemberCaseIds().contains(member))
				.toList();
			if (missing.isEmpty()) {
				return;
			}
			incident.getMemberCaseIds().addAll(missing);
			try {
				this.store.save(incident);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: read it again
			}
		}
		throw new OptimisticLockingFailureException("Incident case " + incidentCaseId + " kept changing");
	}

}
