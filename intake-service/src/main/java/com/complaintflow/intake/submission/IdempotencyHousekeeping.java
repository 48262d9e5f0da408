package com.complaintflow.intake.submission;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The background half of the idempotency guarantee: re-publishes PENDING records whose
 * request died between the MongoDB write and the Kafka acknowledgement (same event, same
 * eventId), and deletes expired keys (the wire server has no TTL; real MongoDB's TTL
 * index does it too).
 */
@Component
class IdempotencyHousekeeping implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

	private static final int BATCH = 100;

	/** The most batches one run relays (a crash under load leaves many at once). */
	private static final int BATCHES_PER_RUN = 50;

	private final IdempotencyStore store;

	private final SubmissionService service;

	private final SubmissionSettings settings;

	private final SentMarks sentMarks;

	IdempotencyHousekeeping(IdempotencyStore store, SubmissionService service, SubmissionSettings settings,
			SentMarks sentMarks) {
		this.store = store;
		this.service = service;
		this.settings = settings;
		this.sentMarks = sentMarks;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::relayStale, this.settings.relayInterval());
		registrar.addFixedDelayTask(this::deleteExpired, this.settings.cleanupInterval());
	}

	/**
	 * Re-publishes stale PENDING records, a batch at a time while it finds full batches
	 * (at most {@link #BATCHES_PER_RUN}: a claimed record is no longer stale, so each
	 * batch is new); a failure ends the run, the next run retries. A record whose SENT
	 * mark this instance has queued is published already: it is left alone, and a batch
	 * of nothing else ends the run.
	 */
	void relayStale() {
		try {
			for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
				Instant now = EventMetadata.now();
				Instant staleBefore = now.minus(this.settings.staleAfter());
				List<IdempotencyRecord> stale = this.store.stalePending(staleBefore, BATCH);
				int taken = 0;
				for (IdempotencyRecord record : stale) {
					if (this.sentMarks.isQueued(record.id())) {
						continue;
					}
					taken++;
					this.store.claim(record.id(), staleBefore, now, now.plus(this.settings.idempotencyRetention()))
						.ifPresent((claimed) -> {
							this.service.publishClaimed(claimed, false);
							logger.info("Relayed complaint {} left PENDING", claimed.complaintId());
						});
				}
				if (stale.size() < BATCH || taken == 0) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Relay of PENDING complaints failed; next run retries: {}", ex.toString());
		}
	}

	/** Deletes expired idempotency records. */
	void deleteExpired() {
		try {
			long deleted = this.store.deleteExpired(EventMetadata.now());
			if (deleted > 0) {
				logger.info("Deleted {} expired idempotency keys", deleted);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Deleting expired idempotency keys failed; next run retries: {}", ex.toString());
		}
	}

}
