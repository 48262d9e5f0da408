package com.complaintflow.followup.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.ComplaintTriaged;

/**
 * The cases of one poll's decisions: those that exist read with one query, the new ones
 * built in memory, then written together: one insert of the new cases (after one write
 * each of their timer and outbox index entries), one link per incident, one flush of
 * every pending {@code CaseOpened}, one read of the incidents that listed new cases
 * before they opened, one read of the customer's words that arrived before their cases,
 * one removal of the events from the outboxes and of the new cases' outbox index entries.
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
	}

	/**
	 * Stores the new cases, links them to their incidents and publishes what is pending.
	 */
	void write() {
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
		this.outbox.flushAll(all);
		// the entries the inserts created (one write each) are done with; an entry
		// written again since is left to the sweeper
		this.store.outboxes()
			.removeAll(this.created.stream()
				.filter((followupCase) -> !existed.contains(followupCase.getId()))
				.map((followupCase) -> new OutboxIndex.Entry(followupCase.getId(), 1))
				.toList());
	}

}
