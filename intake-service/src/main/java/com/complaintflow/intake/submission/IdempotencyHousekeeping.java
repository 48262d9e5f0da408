package com.complaintflow.intake.submission;

import java.time.Instant;

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

	private final IdempotencyStore store;

	private final SubmissionService service;

	private final SubmissionSettings settings;

	IdempotencyHousekeeping(IdempotencyStore store, SubmissionService service, SubmissionSettings settings) {
		this.store = store;
		this.service = service;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::relayStale, this.settings.relayInterval());
		registrar.addFixedDelayTask(this::deleteExpired, this.settings.cleanupInterval());
	}

	/**
	 * Re-publishes stale PENDING records; a failure ends the run, the next run retries.
	 */
	void relayStale() {
		try {
			Instant now = EventMetadata.now();
			Instant staleBefore = now.minus(this.settings.staleAfter());
			for (IdempotencyRecord stale : this.store.stalePending(staleBefore, BATCH)) {
				this.store.claim(stale.id(), staleBefore, now).ifPresent((claimed) -> {
					this.service.publishClaimed(claimed, false);
					logger.info("Relayed complaint {} left PENDING", claimed.complaintId());
				});
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
