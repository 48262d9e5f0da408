package com.complaintflow.triage.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.triage.incident.OutageBatch;

/**
 * What one poll's complaints are decided with, read up front (stored decisions, customer
 * histories, outage state: one query each), changed in memory as the complaints are
 * decided in order, and written back in one bulk write per collection.
 */
class TriageBatch {

	private final DecisionStore store;

	private final Map<String, ComplaintTriaged> decided;

	private final HistoryBatch histories;

	private final OutageBatch outages;

	private final List<StoredDecision> toStore = new ArrayList<>();

	TriageBatch(DecisionStore store, Map<String, ComplaintTriaged> decided, HistoryBatch histories,
			OutageBatch outages) {
		this.store = store;
		this.decided = decided;
		this.histories = histories;
		this.outages = outages;
	}

	/**
	 * The decision already made for a complaint (stored, or earlier in this poll); its
	 * incident is announced again with the poll's, in case a crash lost that.
	 */
	ComplaintTriaged decided(String complaintId) {
		ComplaintTriaged decision = this.decided.get(complaintId);
		if (decision != null && decision.incidentId() != null) {
			this.outages.announce(decision.incidentId());
		}
		return decision;
	}

	HistoryBatch histories() {
		return this.histories;
	}

	OutageBatch outages() {
		return this.outages;
	}

	/**
	 * Records a new decision: the complaint joins its customer's history, the decision is
	 * stored.
	 */
	void decide(ComplaintReceived complaint, ComplaintTriaged decision, Map<String, String> decidedBy) {
		this.histories.add(complaint.customerId(), new PastComplaint(complaint.complaintId(), complaint.occurredAt(),
				DecisionStore.claimed(complaint), false, false));
		this.decided.put(complaint.complaintId(), decision);
		this.toStore.add(DecisionStore.stored(complaint, decision, decidedBy));
	}

	/**
	 * Writes the poll's effects, one bulk write per collection: outage signals and
	 * incidents, then histories, then decisions (a crash in between leaves a complaint
	 * undecided, and deciding it again adds nothing).
	 * @return the incident events to publish with the decisions
	 */
	List<IncidentDetected> write() {
		List<IncidentDetected> incidents = this.outages.write();
		this.histories.write();
		List<String> storedBefore = this.store.saveAll(this.toStore)
			.stream()
			.map((i) -> this.toStore.get(i).complaintId())
			.toList();
		if (!storedBefore.isEmpty()) {
			// another instance decided them first (a rebalance): publish what it stored
			this.decided.putAll(this.store.findAll(storedBefore));
		}
		this.toStore.clear();
		return incidents;
	}

	/**
	 * The decision to publish for one made in this poll: the one stored, when another
	 * instance stored its own first.
	 */
	ComplaintTriaged toPublish(ComplaintTriaged decision) {
		return this.decided.getOrDefault(decision.complaintId(), decision);
	}

}
