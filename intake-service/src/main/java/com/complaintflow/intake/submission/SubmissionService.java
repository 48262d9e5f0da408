package com.complaintflow.intake.submission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.intake.metrics.IntakeMetrics;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.tracing.ComplaintTrace;
import com.complaintflow.support.web.IdempotencyKeys;
import com.complaintflow.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Accepts a complaint: 202 only after Kafka acknowledged its {@code ComplaintReceived}.
 * With an Idempotency-Key the event is first stored PENDING under the key (unique index),
 * then published, then marked SENT (in batches, {@link SentMarks}); a retry, a concurrent
 * twin or the relay re-publishes the same stored event, so one key yields one complaint
 * and one eventId. The record keeps the request's trace context, so a relayed event still
 * starts the complaint's trace there. The customer-facing status is written by its own
 * consumer of the events, off the request path.
 */
@Service
class SubmissionService {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionService.class);

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final EventPublisher publisher;

	private final IdempotencyStore store;

	private final SentMarks sentMarks;

	private final IntakeMetrics metrics;

	private final SubmissionSettings settings;

	private final ComplaintTrace trace;

	SubmissionService(EventPublisher publisher, IdempotencyStore store, SentMarks sentMarks, IntakeMetrics metrics,
			SubmissionSettings settings, ComplaintTrace trace) {
		this.publisher = publisher;
		this.store = store;
		this.sentMarks = sentMarks;
		this.metrics = metrics;
		this.settings = settings;
		this.trace = trace;
	}

	/**
	 * Submits a clean complaint.
	 * @param channel the calling channel
	 * @param idempotencyKey the client's key, or null
	 * @param request the clean request
	 * @return the accepted complaint
	 * @throws ProblemException 422 when the key was used with another body, 503 when
	 * Kafka or MongoDB could not take it in time
	 */
	Submission submit(Channel channel, String idempotencyKey, ComplaintRequest request) {
		ComplaintReceived event = ComplaintFactory.create(channel, request);
		if (idempotencyKey == null) {
			publish(event);
			this.metrics.accepted(channel);
			return new Submission(event.complaintId(), false);
		}
		String id = channel.name() + ":" + idempotencyKey;
		String hash = hash(request);
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = EventMetadata.now();
			IdempotencyRecord fresh = IdempotencyRecord.pending(id, hash, event, now,
					now.plus(this.settings.idempotencyRetention()), this.trace.current());
			if (this.store.tryInsert(fresh)) {
				publishClaimed(fresh, event, true);
				this.metrics.accepted(channel);
				return new Submission(event.complaintId(), false);
			}
			Optional<IdempotencyRecord> existing = this.store.find(id);
			if (existing.isPresent() && existing.get().expiresAt().isAfter(now)) {
				if (!existing.get().requestHash().equals(hash)) {
					throw IdempotencyKeys.reused();
				}
				Submission settled = settle(existing.get());
				if (settled.replayed()) {
					this.metrics.replayed(channel);
				}
				else {
					this.metrics.accepted(channel);
				}
				return settled;
			}
			existing.ifPresent((expired) -> this.store.deleteIfExpired(id, now));
		}
		throw unavailable("storage_unavailable", "The complaint store is busy; please retry.");
	}

	/**
	 * Publishes a claimed record's event and marks it SENT.
	 * @param record a record this caller holds (inserted or claimed)
	 * @param clientWaiting true when a client gets the answer: a failure is then marked
	 * FAILED (the client was told 503 and retries with its key); the relay leaves it
	 * PENDING and tries again
	 */
	void publishClaimed(IdempotencyRecord record, boolean clientWaiting) {
		this.trace.resume(record.traceParent(), "complaint relay",
				() -> publishClaimed(record, record.event(), clientWaiting));
	}

	private void publishClaimed(IdempotencyRecord record, ComplaintReceived event, boolean clientWaiting) {
		try {
			publish(event);
		}
		catch (ProblemException ex) {
			if (clientWaiting) {
				markFailedQuietly(record);
			}
			throw ex;
		}
		// Kafka has it: the answer is 202; the mark is written with others' (a lost mark
		// leaves the record PENDING and the relay re-publishes the same event, which
		// consumers drop)
		this.sentMarks.queue(record.id());
	}

	/**
	 * Waits for a concurrent twin to finish, or takes over a record nobody is publishing.
	 * A record that had FAILED was answered 503, so its first 202 is an acceptance, not a
	 * replay.
	 */
	private Submission settle(IdempotencyRecord found) {
		long deadline = System.nanoTime() + this.settings.staleAfter().plus(this.publisher.sendTimeout()).toNanos();
		IdempotencyRecord record = found;
		while (true) {
			if (record.state() == IdempotencyRecord.State.SENT || this.sentMarks.isQueued(record.id())) {
				return new Submission(record.complaintId(), true);
			}
			Instant now = EventMetadata.now();
			Optional<IdempotencyRecord> claimed = this.store.claim(record.id(), now.minus(this.settings.staleAfter()),
					now, now.plus(this.settings.idempotencyRetention()));
			if (claimed.isPresent()) {
				publishClaimed(claimed.get(), true);
				return new Submission(record.complaintId(), record.state() != IdempotencyRecord.State.FAILED);
			}
			if (System.nanoTime() - deadline > 0) {
				throw unavailable("busy", "The same request is still being processed; please retry.");
			}
			LockSupport.parkNanos(POLL_NANOS);
			record = this.store.find(record.id())
				.orElseThrow(() -> unavailable("busy", "The same request is still being processed; please retry."));
		}
	}

	private void publish(ComplaintReceived event) {
		long start = System.nanoTime();
		try {
			this.publisher.publishAndWait(event);
		}
		catch (PublishFailedException ex) {
			logger.warn("Kafka did not acknowledge complaint {} in time: {}", event.complaintId(),
					ex.getCause().toString());
			throw unavailable("broker_unavailable", "The complaint could not be stored durably in time; please retry.");
		}
		finally {
			this.metrics.publishTimer().record(Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private void markFailedQuietly(IdempotencyRecord record) {
		try {
			this.store.markFailed(record.id());
		}
		catch (DataAccessException ex) {
			logger.warn("Record of complaint {} not marked FAILED: {}", record.complaintId(), ex.toString());
		}
	}

	ProblemException unavailable(String reason, String detail) {
		return SubmissionErrors.unavailable(reason, detail, this.settings.retryAfter());
	}

	static String hash(ComplaintRequest request) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ComplaintRequestReader.canonical(request)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
