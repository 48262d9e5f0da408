package com.complaintflow.followup.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.complaintflow.followup.cases.CaseFilter;
import com.complaintflow.followup.cases.CaseStatus;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.deadline.MilestoneClock;

import org.springframework.stereotype.Component;

/**
 * The cases staff still work on (every status before the callback is done), read through
 * the case store's staff filter and ordered by time to breach.
 */
@Component
class CaseQueue {

	/** The statuses a queue shows: work left, the callback included. */
	static final List<CaseStatus> WORKING = List.of(CaseStatus.ESCALATED, CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
			CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED);

	/** The most cases read per status for one page. */
	static final int PER_STATUS = 200;

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final Clock clock;

	CaseQueue(CaseStore store, MilestoneClock milestones, Clock clock) {
		this.store = store;
		this.milestones = milestones;
		this.clock = clock;
	}

	/** The working cases of every queue, soonest breach first. */
	List<QueueItem> working() {
		Instant now = this.clock.instant();
		return WORKING.stream()
			.flatMap((status) -> this.store.search(new CaseFilter(status, null, null, null, PER_STATUS)).stream())
			.map((c) -> QueueItem.of(CaseView.of(c, this.milestones, now), now))
			.sorted(QueueItem.BY_TIME_TO_BREACH)
			.toList();
	}

	/** The queues the working cases are in, by name. */
	static List<String> queues(List<QueueItem> items) {
		return items.stream()
			.map((item) -> item.view().queue())
			.flatMap((queue) -> (queue != null) ? Stream.of(queue) : Stream.empty())
			.distinct()
			.sorted()
			.toList();
	}

}
