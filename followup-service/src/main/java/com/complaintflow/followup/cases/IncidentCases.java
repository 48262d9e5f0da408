package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.complaintflow.events.IncidentDetected;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One incident case per detected outage, linked to the cases of its member complaints
 * (whichever of the incident and a member arrives first); a member triage decided before
 * the outage was detected joins it. Resolving the incident case resolves its members
 * ({@link CaseActions#resolve}).
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
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (this.store.findById(id).isEmpty()) {
			FollowupCase c = new FollowupCase(id, CaseKind.INCIDENT, incident.incidentId(), incident.customerId(), now);
			c.incident(incident);
			c.record(now, "OPENED", "system", "Incident case for an outage in " + incident.regionCode());
			this.store.insert(c);
		}
		// a member's case id follows from its complaint id: no query by complaint id
		List<String> memberCaseIds = this.store
			.existingIds(incident.memberComplaintIds().stream().map(CaseOpening::caseIdFor).toList());
		link(id, memberCaseIds);
		// the members triage decided before the outage was detected learn it now
		memberCaseIds.forEach(
				(member) -> update(member, (memberCase) -> memberCase.joinIncident(incident.incidentId(), id, now)));
	}

	/** Adds member cases to an incident case that exists; does nothing otherwise. */
	void link(String incidentCaseId, List<String> memberCaseIds) {
		update(incidentCaseId, (incident) -> {
			Set<String> linked = new HashSet<>(incident.getMemberCaseIds());
			List<String> missing = memberCaseIds.stream().filter((member) -> !linked.contains(member)).toList();
			return incident.getMemberCaseIds().addAll(missing);
		});
	}

	/**
	 * Applies a change to a case that exists and saves it, reading it again when it
	 * changed meanwhile; a change that returns false saves nothing.
	 */
	private void update(String caseId, Predicate<FollowupCase> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			FollowupCase c = this.store.findById(caseId).orElse(null);
			if (c == null || !change.test(c)) {
				return;
			}
			try {
				this.store.save(c);
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// changed meanwhile: read it again
			}
		}
		throw new OptimisticLockingFailureException("Case " + caseId + " kept changing");
	}

}
