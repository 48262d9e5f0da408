package com.complaintflow.followup.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.complaintflow.events.ComplaintTriaged;

/**
 * The cases of one poll's decisions: those that exist read with one query, the new ones
 * built in memory, then written together: one insert of the new cases (after one write
 * each of their timer and outbox index entries), one link per incident, one flush of
 * every pending {@code CaseOpened}, one read of the incidents that listed new cases
 * before they opened, one read of the customer's words that arrived before their cases,
 * one removal of the events from the outboxes and of the new cases' outbox index entries.
 * Between storing and publishing, a recheck erases again a customer erased while the poll
 * ran, and the {@code CaseOpened} of their decisions from before it are not published.
 */
class CaseBatch {

	private final CaseOpening opening;

	private final CaseStore store;

	private final CaseOutbox outbox;

	private final IncidentCases incidents;

	private final ComplaintWordsIntake words;

	private final Map<String, FollowupCase> cases;

	private final List<FollowupCase> created = new ArrayList<>();

	private final List<String> opened = new ArrayList<>();

	private final List<ComplaintTriaged> taken = new ArrayList<>();

	CaseBatch(CaseOpening opening, CaseStore store, CaseOutbox outbox, IncidentCases incidents,
			ComplaintWordsIntake words, Map<String, FollowupCase> existing) {
		this.opening = opening;
		this.store = store;
		this.outbox = outbox;
		this.incidents = incidents;
		this.words = words;
		this.cases = new LinkedHashMap<>(existing);
	}

	/** Takes a decision: builds its case unless it exists (or was built in this poll). */
	void add(ComplaintTriaged triaged) {
		String caseId = CaseOpening.caseIdFor(triaged.complaintId());
		if (!this.cases.containsKey(caseId)) {
			FollowupCase followupCase = this.opening.build(triaged);
			this.cases.put(caseId, followupCase);
			this.created.add(followupCase);
		}
		if (!this.opened.contains(caseId)) {
			this.opened.add(caseId);
		}
		this.taken.add(triaged);
	}

	/**
	 * Stores the new cases, links them to their incidents, attaches the words that
	 * arrived before them, then publishes what is pending, except for the decisions the
	 * recheck returns.
	 * @param raced given every decision taken, after the writes: erases again what they
	 * wrote for a customer erased meanwhile and returns those whose cases must not be
	 * announced ({@code CustomerErasure#eraseRaced})
	 */
	void write(UnaryOperator<List<ComplaintTriaged>> raced) {
		Set<String> existed = this.store.insertAll(this.created);
		if (!existed.isEmpty()) {
			this.cases.putAll(this.store.findAll(existed));
		}
		List<FollowupCase> all = this.opened.stream().map(this.cases::get).toList();
		Map<String, List<String>> byIncident = new LinkedHashMap<>();
		all.stream()
			.filter((followupCase) -> followupCase.getIncidentCaseId() != null)
			.forEach((followupCase) -> byIncident
				.computeIfAbsent(followupCase.getIncidentCaseId(), (id) -> new ArrayList<>())
				.add(followupCase.getId()));
		byIncident.forEach(this.incidents::link);
		// members decided before their outage was detected, whose outage's event came
		// first (every case of the poll: one a failed delivery inserted is read again)
		this.incidents.joinListed(all.stream()
			.filter((followupCase) -> followupCase.getIncidentCaseId() == null)
			.map(FollowupCase::getId)
			.toList());
		// the customer's words that arrived before their case (one query for the poll)
		this.words.opened(all.stream()
			.filter((followupCase) -> followupCase.getPersonal() == null)
			.map(FollowupCase::getId)
			.toList());
		// a CaseOpened happens now, after the erasure request: downstream filters would
		// not skip it, so a case erased again is not announced
		Set<String> erased = raced.apply(List.copyOf(this.taken))
			.stream()
			.map((decision) -> CaseOpening.caseIdFor(decision.complaintId()))
			.collect(Collectors.toSet());
		this.outbox.flushAll(all.stream().filter((followupCase) -> !erased.contains(followupCase.getId())).toList());
		// the entries the inserts created (one write each) are done with; an entry
		// written again since is left to the sweeper
		this.store.outboxes()
			.removeAll(this.created.stream()
				.filter((followupCase) -> !existed.contains(followupCase.getId()))
				.map((followupCase) -> new OutboxIndex.Entry(followupCase.getId(), 1))
				.toList());
	}

}
