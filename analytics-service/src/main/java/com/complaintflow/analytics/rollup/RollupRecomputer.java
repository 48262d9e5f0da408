package com.complaintflow.analytics.rollup;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.complaintflow.analytics.config.AnalyticsSettings;
import com.complaintflow.analytics.journal.ComplaintJournal;
import com.complaintflow.analytics.journal.ComplaintRecord;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.rollup.RollupStore.BucketId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes the buckets of dirty hours from the complaint journal, then their days. A
 * recompute is a pure function of the journal, so running it twice, after a crash, or on
 * two instances at once gives the same buckets. Passes take at most the configured share
 * of the time ({@code recompute-share}).
 */
@Component
public class RollupRecomputer {

	private static final Logger logger = LoggerFactory.getLogger(RollupRecomputer.class);

	private final DirtyHours dirtyHours;

	private final ComplaintJournal journal;

	private final RollupStore store;

	private final int batch;

	private final DutyCycle dutyCycle;

	RollupRecomputer(DirtyHours dirtyHours, ComplaintJournal journal, RollupStore store, AnalyticsSettings settings) {
		this.dirtyHours = dirtyHours;
		this.journal = journal;
		this.store = store;
		this.batch = settings.recomputeBatch();
		this.dutyCycle = new DutyCycle(settings.recomputeShare());
	}

	@Scheduled(fixedDelayString = "${complaintflow.analytics.recompute-interval:1s}")
	void scheduled() {
		long started = System.nanoTime();
		if (!this.dutyCycle.mayRun(started)) {
			return;
		}
		try {
			recomputeDirty();
		}
		catch (RuntimeException ex) {
			logger.warn("Rollup recompute failed; the hours stay marked and are retried", ex);
		}
		finally {
			this.dutyCycle.ran(started, System.nanoTime());
		}
	}

	/**
	 * Recomputes up to one batch of dirty hours and their days.
	 * @return how many hours were recomputed
	 */
	public int recomputeDirty() {
		List<DirtyHours.Mark> marks = this.dirtyHours.pending(this.batch);
		Set<Instant> days = new TreeSet<>();
		for (DirtyHours.Mark mark : marks) {
			recomputeHour(mark.hour());
			days.add(Hours.dayOf(mark.hour()));
		}
		days.forEach(this.store::rebuildDay);
		days.stream().map(Grain.MONTH::startOf).distinct().forEach(this.store::rebuildMonth);
		marks.forEach(this.dirtyHours::clear);
		return marks.size();
	}

	/** Recomputes every bucket of one hour from the complaints with events in it. */
	void recomputeHour(Instant hour) {
		Map<BucketId, Counters> buckets = new LinkedHashMap<>();
		for (ComplaintRecord complaint : this.journal.touching(hour)) {
			Contributions contributions = Contributions.of(complaint);
			Counters counters = contributions.at(hour);
			if (counters == null) {
				continue;
			}
			for (View view : View.values()) {
				buckets.computeIfAbsent(new BucketId(view, view.project(contributions.dims())), (id) -> new Counters())
					.merge(counters);
			}
		}
		this.store.replaceHour(hour, buckets);
	}

}
