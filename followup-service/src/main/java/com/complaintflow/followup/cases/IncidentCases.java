package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.complaintflow.events.IncidentDetected;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One incident case per detected outage, linked to the cases of its member complaints
 * (whichever of the incident and a member arrives first); a member triage decided before
 * the outage was detected joins it, whether its case opened before the outage's event or
 * after it ({@link IncidentListings}). Resolving the incident case resolves its members
 * ({@link CaseActions#resolve}).
 */
@Component
class IncidentCases {

	private static final int ATTEMPTS = 5;

	private final CaseStore store;

	private final IncidentListings listings;

	private final Clock clock;

	IncidentCases(CaseStore store, IncidentListings listings, Clock clock) {
		this.store = store;
		this.listings = listings;
		this.clock = clock;
	}

	/**
	 * Opens the incident case if needed and links every member case that exists; the
	 * members not linked yet are listed first, so a member case opening meanwhile finds
	 * its incident ({@link #joinListed}) if this read misses it.
	 */
	void on(IncidentDetected incident) {
		String id = CaseOpening.incidentCaseIdFor(incident.incidentId());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		FollowupCase incidentCase = this.store.findById(id).orElse(null);
		if (incidentCase == null) {
			incidentCase = new FollowupCase(id, CaseKind.INCIDENT, incident.incidentId(), incident.customerId(), now);
			incidentCase.incident(incident);
			incidentCase.record(now, "OPENED", "system", "Incident case for an outage in " + incident.regionCode());
			this.store.insert(incidentCase);
		}
		// a member's case id follows from its complaint id: no query by complaint id
		List<String> listed = incident.memberComplaintIds().stream().map(CaseOpening::caseIdFor).toList();
		Set<String> linked = new HashSet<>(incidentCase.getMemberCaseIds());
		List<String> unlinked = listed.stream().filter((member) -> !linked.contains(member)).toList();
		List<String> existing = List.of();
		if (!unlinked.isEmpty()) {
			this.listings.list(incident.incidentId(), id, unlinked);
			existing = this.store.existingIds(unlinked);
			link(id, existing);
		}
		// every listed member case not in an incident yet joins: also one linked by a
		// delivery that failed before it joined
		joinEach(this.store.idsWithoutIncident(listed), incident.incidentId(), id, now);
		this.listings.remove(existing);
	}

	/**
	 * Joins cases just opened to the incident whose event listed them before they opened
	 * (members triage decided before the outage was detected; one read by id).
	 */
	void joinListed(List<String> openedCaseIds) {
		Map<String, List<String>> byIncident = new LinkedHashMap<>();
		Map<String, String> incidentIds = new HashMap<>();
		this.listings.find(openedCaseIds).forEach((caseId, listing) -> {
			byIncident.computeIfAbsent(listing.incidentCaseId(), (key) -> new ArrayList<>()).add(caseId);
			incidentIds.put(listing.incidentCaseId(), listing.incidentId());
		});
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		byIncident
			.forEach((incidentCaseId, members) -> join(members, incidentIds.get(incidentCaseId), incidentCaseId, now));
	}

	/**
	 * Links member cases to the incident case, and makes those triage decided before the
	 * outage was detected members of it; their listings are then done with.
	 */
	private void join(List<String> memberCaseIds, String incidentId, String incidentCaseId, Instant now) {
		link(incidentCaseId, memberCaseIds);
		joinEach(memberCaseIds, incidentId, incidentCaseId, now);
		this.listings.remove(memberCaseIds);
	}

	/** Makes each case a member of the incident, unless it belongs to one already. */
	private void joinEach(List<String> memberCaseIds, String incidentId, String incidentCaseId, Instant now) {
		memberCaseIds.forEach(
				(member) -> update(member, (memberCase) -> memberCase.joinIncident(incidentId, incidentCaseId, now)));
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
