package com.complaintflow.followup.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseStore.CaseTimer;
import com.complaintflow.followup.timer.TimerBucket;
import com.complaintflow.followup.timer.TimerIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the timer index from its cursor to the lookahead horizon, claims the cases due,
 * and finishes the buckets left behind: a bucket older than the grace is removed once
 * none of its cases is still due (unclaimed, or held by a live lease), and the cursor
 * moves past it. Every read is by {@code _id}; the work per poll follows the timers due,
 * not the timers pending. Used by the scheduler's single thread.
 */
class DueTimers {

	private static final Logger logger = LoggerFactory.getLogger(DueTimers.class);

	/** Seconds read per index query. */
	static final long CHUNK = 3600;

	/**
	 * Chunks walked per poll at most (a day; a longer downtime is caught up over polls).
	 */
	static final int MAX_CHUNKS = 24;

	private final TimerIndex index;

	private final CaseStore store;

	private final TimerSettings settings;

	/** Per bucket second: when each case in it needs looking at again (MAX: never). */
	private final Map<Long, Examined> examined = new HashMap<>();

	/**
	 * Where the next poll goes on when this one stopped short of the horizon
	 * ({@code Long.MIN_VALUE}: from the cursor): a bucket that cannot be finished holds
	 * the cursor, and the walk must still reach the timers due now.
	 */
	private long resumeFrom = Long.MIN_VALUE;

	DueTimers(TimerIndex index, CaseStore store, TimerSettings settings) {
		this.index = index;
		this.store = store;
		this.settings = settings;
	}

	/**
	 * Claims the cases due by {@code now + lookahead}, oldest bucket first, at most the
	 * batch size, skipping those this instance already holds; sees the buckets of the
	 * idle poll interval after that too (in the same read), so an idle poller knows when
	 * to look again.
	 */
	Claimed claim(Instant now, Set<String> held) {
		Instant horizon = now.plus(this.settings.lookahead());
		long horizonSecond = horizon.getEpochSecond();
		long sightSecond = horizon.plus(this.settings.idlePollInterval()).getEpochSecond();
		long ahead = Long.MAX_VALUE;
		boolean busy = false;
		long finishable = Math.floorDiv(now.minus(this.settings.bucketGrace()).toEpochMilli(), 1000);
		long cursor = this.index.cursor();
		this.examined.keySet().removeIf((second) -> second < cursor);
		long next = cursor;
		Poll poll = new Poll(now, horizon, held, new ArrayList<>());
		long from = cursor;
		// only a walk from the cursor finishes buckets and moves the cursor
		boolean finishing = true;
		if (this.resumeFrom > cursor && this.resumeFrom <= horizonSecond) {
			from = this.resumeFrom;
			finishing = false;
		}
		this.resumeFrom = Long.MIN_VALUE;
		try {
			for (int chunk = 0; chunk < MAX_CHUNKS && from <= horizonSecond; chunk++) {
				long to = Math.min(from + CHUNK - 1, sightSecond);
				for (TimerBucket bucket : this.index.buckets(from, to)) {
					if (bucket.second() > horizonSecond) {
						ahead = Math.min(ahead, bucket.second());
						continue;
					}
					busy = true;
					if (finishing && bucket.second() < finishable && finish(bucket, poll)) {
						continue;
					}
					if (finishing) {
						finishing = false;
						next = Math.min(bucket.second(), finishable);
					}
					examine(bucket, poll);
				}
				if (finishing) {
					next = Math.min(Math.min(to, horizonSecond) + 1, finishable);
				}
				if (poll.claimed().size() >= this.settings.batchSize()) {
					break;
				}
				from = to + 1;
			}
			if (next > cursor) {
				this.index.advance(cursor, next);
			}
		}
		catch (RuntimeException ex) {
			if (poll.claimed().isEmpty()) {
				throw ex;
			}
			// the cases claimed before the failure are leased and held: fire them
			logger.warn("Timer poll failed after claiming {} case(s), firing those: {}", poll.claimed().size(),
					ex.toString());
			return new Claimed(poll.claimed(), true, Instant.MIN);
		}
		if (from <= horizonSecond) {
			this.resumeFrom = from;
		}
		// a walk stopped short of the horizon (a downtime caught up, a full batch) goes
		// on
		busy |= from <= horizonSecond;
		Instant nextDue = (ahead == Long.MAX_VALUE) ? Instant.MAX
				: Instant.ofEpochSecond(ahead).minus(this.settings.lookahead());
		return new Claimed(poll.claimed(), busy, nextDue);
	}

	/**
	 * What a poll claimed, whether it found any timer index entry within the lookahead
	 * (then it polls again at its rate), and when the next entry it saw beyond falls
	 * within the lookahead ({@code Instant.MAX}: none within sight).
	 *
	 * @param cases the cases claimed
	 * @param busy whether entries were due (or left to finish), or the walk stopped short
	 * of the horizon
	 * @param nextDue when the poller must look again at the latest
	 */
	record Claimed(List<CaseTimer> cases, boolean busy, Instant nextDue) {

	}

	/** Looks at the cases of a bucket not known to be settled, and claims those due. */
	private void examine(TimerBucket bucket, Poll poll) {
		Examined state = this.examined.computeIfAbsent(bucket.second(), (second) -> new Examined());
		if (state.writes != bucket.writes()) {
			state.writes = bucket.writes();
			state.recheckAt.clear();
		}
		for (String caseId : bucket.caseIds()) {
			if (poll.claimed().size() >= this.settings.batchSize()) {
				return;
			}
			Instant recheck = state.recheckAt.get(caseId);
			if (poll.held().contains(caseId) || (recheck != null && recheck.isAfter(poll.now()))) {
				continue;
			}
			Instant again = lookAt(caseId, bucket, poll);
			// a case claimed now is looked at again once its lease has ended: if its
			// firing failed, it is due still (finishing the bucket finds it too, but only
			// a walk from the cursor finishes)
			state.recheckAt.put(caseId, (again == Instant.MIN) ? poll.now().plus(this.settings.lease()) : again);
		}
	}

	/**
	 * Checks a bucket older than the grace case by case (not trusting what this instance
	 * remembers) and removes it when none of its cases is still due in it. Stops at the
	 * first case still due (claiming it if free), so a bucket being caught up is not read
	 * whole at every poll.
	 * @return whether the bucket is finished
	 */
	private boolean finish(TimerBucket bucket, Poll poll) {
		Examined state = this.examined.computeIfAbsent(bucket.second(), (second) -> new Examined());
		if (state.finishNotBefore.isAfter(poll.now())) {
			return false;
		}
		for (String caseId : bucket.caseIds()) {
			Instant recheck = poll.held().contains(caseId) ? Instant.MIN : lookAt(caseId, bucket, poll);
			if (recheck != Instant.MAX) {
				state.finishNotBefore = recheck;
				return false;
			}
		}
		return this.index.finish(bucket);
	}

	/**
	 * Claims the case if it is due and free; otherwise says when to look again:
	 * {@code Instant.MAX} when the bucket holds nothing more for it (fired, moved, met,
	 * claimed now by this instance), the lease's end when another instance holds it.
	 */
	private Instant lookAt(String caseId, TimerBucket bucket, Poll poll) {
		Optional<CaseTimer> claimed = this.store.claimDue(caseId, this.settings.instanceId(), poll.now(),
				poll.horizon(), poll.now().plus(this.settings.lease()));
		if (claimed.isPresent()) {
			poll.claimed().add(claimed.get());
			poll.held().add(caseId);
			return Instant.MIN;
		}
		CaseTimer current = this.store.findTimer(caseId).orElse(null);
		if (current == null || current.nextFireAt() == null || !current.nextFireAt().isBefore(bucket.end())) {
			return Instant.MAX;
		}
		if (current.nextFireAt().isAfter(poll.horizon())) {
			return current.nextFireAt().minus(this.settings.lookahead());
		}
		return current.leaseUntil();
	}

	/** What one poll knows: its instants, the cases held, and those it claimed. */
	private record Poll(Instant now, Instant horizon, Set<String> held, List<CaseTimer> claimed) {

	}

	/** What this instance learned about one bucket. */
	private static final class Examined {

		private long writes = -1;

		private final Map<String, Instant> recheckAt = new HashMap<>();

		private Instant finishNotBefore = Instant.MIN;

	}

}
