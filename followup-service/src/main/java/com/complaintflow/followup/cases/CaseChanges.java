package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.support.kafka.PublishFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Applies one staff action to a case, idempotently: reads the case, recognises a retry by
 * its key, checks the action's guard, lets the action change the case and name its
 * events, and saves state and events in one optimistic write (retried on a fresh read,
 * after a short random pause, when the case changed meanwhile), then publishes the
 * events.
 */
@Component
class CaseChanges {

	private static final Logger logger = LoggerFactory.getLogger(CaseChanges.class);

	/**
	 * Another write to the case since it was read: read it again and retry, 30 times at
	 * most, after a random pause growing from 2 ms to 100 ms, so that writers who
	 * collided on a case do not collide again at once. Each round lets one writer
	 * through, so a dozen staff, timers and retries racing on one case all get theirs in
	 * (ten attempts were once too few for twelve writers on a loaded machine).
	 */
	private static final RetryTemplate RETRY_ON_CONFLICT = new RetryTemplate(RetryPolicy.builder()
		.includes(OptimisticLockingFailureException.class)
		.maxRetries(30)
		.delay(Duration.ofMillis(2))
		.jitter(Duration.ofMillis(2))
		.multiplier(2)
		.maxDelay(Duration.ofMillis(100))
		.build());

	/**
	 * Prefix of idempotency keys derived from the request body when the client sent none.
	 * It holds a space, which a client's key cannot ({@code IdempotencyKeys}), so a
	 * client key is never taken for a derived one.
	 */
	static final String DERIVED_KEY_PREFIX = "body ";

	private final CaseStore store;

	private final CaseOutbox outbox;

	private final Clock clock;

	CaseChanges(CaseStore store, CaseOutbox outbox, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Applies the action under its idempotency key.
	 * @throws CaseNotFoundException for an unknown case
	 * @throws ActionNotAllowedException when the case's status does not allow it
	 * @throws CaseBusyException when the case changed concurrently on every attempt
	 */
	FollowupCase apply(String caseId, CaseAction action, String key, Change change) {
		try {
			return RETRY_ON_CONFLICT.execute(() -> attempt(caseId, action, key, change));
		}
		catch (RetryException ex) {
			if (ex.getCause() instanceof OptimisticLockingFailureException
					|| ex.getCause() instanceof InterruptedException) {
				throw new CaseBusyException(
						"The case changed concurrently too often; retry with the same Idempotency-Key.");
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private FollowupCase attempt(String caseId, CaseAction action, String key, Change change) {
		String applied = action.label() + ":" + key;
		FollowupCase c = this.store.findById(caseId).orElseThrow(() -> CaseNotFoundException.caseId(caseId));
		if (isRetry(c.getAppliedActions(), applied, key)) {
			publish(c);
			return c;
		}
		c.guard(action);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long position = c.appliedActionCount();
		List<ComplaintEvent> events = change.apply(c, now,
				(name) -> EventMetadata.deterministicEventId(caseId, action.label(), key, position, name));
		c.applied(applied);
		events.forEach((event) -> this.outbox.add(c, event));
		c.rescheduleTimer();
		this.store.save(c);
		publish(c);
		return c;
	}

	/**
	 * Whether the request repeats one already applied: any earlier action with the same
	 * client key, or, for a key derived from the body, the case's most recent action (so
	 * the same action can be repeated on purpose later, after something else happened).
	 */
	private static boolean isRetry(List<String> applied, String action, String key) {
		if (key.startsWith(DERIVED_KEY_PREFIX)) {
			return !applied.isEmpty() && applied.get(applied.size() - 1).equals(action);
		}
		return applied.contains(action);
	}

	private void publish(FollowupCase c) {
		try {
			this.outbox.flush(c);
		}
		catch (PublishFailedException ex) {
			logger.warn("Events of case {} kept in its outbox, published later: {}", c.getId(), ex.getMessage());
		}
	}

	/** The ids of the events of one action. */
	@FunctionalInterface
	interface EventIds {

		UUID id(String name);

	}

	/** What an action does to a case, returning the events to publish. */
	@FunctionalInterface
	interface Change {

		List<ComplaintEvent> apply(FollowupCase c, Instant now, EventIds ids);

	}

}
