package com.complaintflow.followup.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.complaintflow.followup.cases.CaseQuery;
import com.complaintflow.followup.cases.CaseStatus;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.deadline.MilestoneClock;

import org.springframework.stereotype.Component;

/**
 * The cases staff still work on (every status before the callback is done), read with the
 * case store's one search, soonest deadline first.
 */
@Component
class CaseQueue {

	/** The statuses a queue shows: work left, the callback included. */
	static final List<CaseStatus> WORKING = List.of(CaseStatus.ESCALATED, CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
			CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED);

	/** The most cases one page shows. */
	static final int SHOWN = 300;

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final Clock clock;

	CaseQueue(CaseStore store, MilestoneClock milestones, Clock clock) {
		this.store = store;
		this.milestones = milestones;
		this.clock = clock;
	}

	/**
	 * The working cases (of one agent, or of everybody when null), soonest breach first.
	 */
	List<QueueItem> working(String agent) {
		return working(agent, null);
	}

	/**
	 * The working cases of one work queue (every queue when null) and one agent (every
	 * agent when null), soonest breach first; the queue is part of the search, so a
	 * queue's cases are all there however many other queues have sooner deadlines.
	 */
	List<QueueItem> working(String agent, String queue) {
		Instant now = this.clock.instant();
		CaseQuery query = new CaseQuery(null, null, null, null, WORKING, queue, agent, false, List.of(), null, null,
				null, "due", 0, SHOWN);
		return this.store.search(query)
			.stream()
			.limit(SHOWN)
			.map((c) -> QueueItem.of(CaseView.of(c, this.milestones, now), now))
			.sorted(QueueItem.BY_TIME_TO_BREACH)
			.toList();
	}

	/** The queues the working cases are in, by name. */
	static List<String> queues(List<QueueItem> items) {
		return items.stream().map((item) -> item.view().queue()).filter(Objects::nonNull).distinct().sorted().toList();
	}

}
