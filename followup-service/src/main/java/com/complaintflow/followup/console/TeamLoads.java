package com.complaintflow.followup.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.deadline.MilestoneClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Every team's load over all its working cases (the pages list only the soonest due),
 * read at most once per {@link #FRESH} however many supervisor pages reload.
 */
@Component
class TeamLoads {

	/** How old the figures a page shows may be. */
	static final Duration FRESH = Duration.ofSeconds(2);

	/** The longest the database may take to answer the read. */
	private static final Duration READ_TIME = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(TeamLoads.class);

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final Clock clock;

	private List<TeamLoad> loads;

	private Instant readAt;

	TeamLoads(CaseStore store, MilestoneClock milestones, Clock clock) {
		this.store = store;
		this.milestones = milestones;
		this.clock = clock;
	}

	/**
	 * One row per queue with working cases, by queue name. A read that fails (the
	 * database slow or away) leaves the last figures in place until the next try, one
	 * {@link #FRESH} later, so the pages waiting do not each read in turn; with no
	 * figures yet, it is thrown.
	 */
	synchronized List<TeamLoad> current() {
		Instant now = this.clock.instant();
		if (this.loads == null || !now.isBefore(this.readAt.plus(FRESH)) || now.isBefore(this.readAt)) {
			this.readAt = now;
			try (Stream<FollowupCase> working = this.store.streamForCounts(CaseQueue.WORKING, READ_TIME)) {
				this.loads = TeamLoad.of(working.map((c) -> QueueItem.of(CaseView.of(c, this.milestones, now), now)));
			}
			catch (DataAccessException ex) {
				if (this.loads == null) {
					throw ex;
				}
				logger.warn("Team figures not read, showing those of before: {}", ex.toString());
			}
		}
		return this.loads;
	}

	/** The queues with working cases, by name. */
	List<String> queues() {
		return current().stream().map(TeamLoad::queue).toList();
	}

}
