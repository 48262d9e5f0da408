package com.complaintflow.followup.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.followup.poll.PollPacing;
import com.complaintflow.followup.retry.Backoff;
import com.complaintflow.support.erasure.ErasedCustomers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery adapter: posts each pending notice to the SMS/push gateway, claimed with a
 * lease so one instance sends it. A 2xx delivers it; a transient failure (connection,
 * timeout, 5xx, 408, 429) is retried with capped jittered backoff, forever; a 4xx the
 * gateway will always refuse rejects it. A customer who opted out gets nothing (the
 * notice is recorded as suppressed). The gateway receives the notice id as
 * {@code Idempotency-Key}, so a post repeated after a crash is recognised there too. A
 * notice is moved to {@code notification_delivered} once its outcome is recorded; one
 * whose move stopped (a crash, a failed insert) keeps its outcome in the outbox, and the
 * next claim only finishes the move: a finished notice is never posted again.
 */
@Component
class NotificationDelivery {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDelivery.class);

	private static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final NotificationSettings settings;

	private final OptOuts optOuts;

	private final ErasedCustomers erased;

	private final Clock clock;

	private final HttpClient http;

	private final Backoff backoff;

	private final String owner = "notify-" + UUID.randomUUID();

	private final AtomicLong pending = new AtomicLong();

	private final PollPacing pacing;

	private final MeterRegistry registry;

	NotificationDelivery(MongoTemplate mongo, NotificationSettings settings, OptOuts optOuts, Clock clock,
			MeterRegistry registry, ErasedCustomers erased) {
		this.mongo = mongo;
		this.erased = erased;
		this.settings = settings;
		this.optOuts = optOuts;
		this.clock = clock;
		this.registry = registry;
		this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
		this.pacing = new PollPacing(settings.idlePollInterval());
		Gauge.builder("followup.notifications.pending", this.pending, AtomicLong::get)
			.description("Customer notices not delivered yet")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${complaintflow.followup.notifications.poll-interval:1s}")
	void deliverDue() {
		if (!this.settings.enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		if (!this.pacing.due(now)) {
			return;
		}
		// the free notices soonest due first: those due now, then when the next one is
		Query free = Query.query(Criteria.where("leaseUntil").lt(now)).with(Sort.by("nextAttemptAt")).limit(BATCH);
		free.fields().include("_id").include("nextAttemptAt");
		boolean busy = false;
		Instant nextDue = Instant.MAX;
		for (Notification candidate : this.mongo.find(free, Notification.class, NotificationOutbox.OUTBOX)) {
			if (candidate.getNextAttemptAt() != null && candidate.getNextAttemptAt().isAfter(now)) {
				nextDue = candidate.getNextAttemptAt();
				break;
			}
			busy = true;
			Notification notice = claim(candidate.getId());
			if (notice != null) {
				deliver(notice);
			}
		}
		this.pending.set(this.mongo.estimatedCount(NotificationOutbox.OUTBOX));
		this.pacing.polled(now, busy, nextDue);
	}

	/** Notices were kept here: deliver them at the next poll. */
	void wake() {
		this.pacing.wake();
	}

	/**
	 * Claims the notice if its lease has ended, for three request timeouts from the claim
	 * (not from the poll's start: the deliveries before it in the poll may have taken
	 * that long already, and a lease ended on grant would let another instance post it
	 * too).
	 */
	private Notification claim(String id) {
		Instant at = this.clock.instant();
		Query query = Query.query(Criteria.where("_id").is(id).and("leaseUntil").lt(at));
		Update update = new Update().set("leaseOwner", this.owner)
			.set("leaseUntil", at.plus(this.settings.requestTimeout().multipliedBy(3)));
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				Notification.class, NotificationOutbox.OUTBOX);
	}

	private void deliver(Notification notice) {
		if (notice.getStatus() != NotificationStatus.PENDING) {
			// finished by an attempt that stopped before moving it (a failed insert, a
			// crash) or is moving it now: moved, never posted or checked again
			move(notice, new Update());
			return;
		}
		if (this.optOuts.optedOut(notice.getCustomerId())) {
			finish(notice, NotificationStatus.SUPPRESSED, null);
			return;
		}
		Outcome outcome = post(notice);
		if (outcome.status() != null) {
			finish(notice, outcome.status(), outcome.error());
			return;
		}
		int attempts = notice.getAttempts() + 1;
		Instant next = this.clock.instant().plus(this.backoff.jitteredAfter(attempts));
		this.mongo.findAndModify(mine(notice),
				new Update().set("attempts", attempts)
					.set("nextAttemptAt", next)
					.set("lastError", outcome.error())
					.set("leaseOwner", null)
					.set("leaseUntil", Instant.EPOCH),
				Notification.class, NotificationOutbox.OUTBOX);
		count("retried");
		logger.warn("Notice {} not taken by the gateway (attempt {}), next attempt at {}: {}", notice.getId(), attempts,
				next, outcome.error());
	}

	/** Records the notice's outcome and moves it to {@code notification_delivered}. */
	private void finish(Notification notice, NotificationStatus status, String error) {
		move(notice,
				new Update().set("status", status)
					.set("finishedAt", this.clock.instant())
					.inc("attempts", (status == NotificationStatus.SUPPRESSED) ? 0 : 1)
					.set("lastError", error));
	}

	/**
	 * Moves a notice this instance holds the lease of to {@code notification_delivered}:
	 * applies the update (its outcome, or nothing when it has one already) and gives the
	 * lease back, inserts the result there (a copy an earlier move inserted before it
	 * stopped is kept) and removes it from the outbox. Whichever move removes it counts
	 * its outcome.
	 */
	private void move(Notification notice, Update outcome) {
		Notification done = this.mongo.findAndModify(mine(notice),
				outcome.set("leaseOwner", null).set("leaseUntil", Instant.EPOCH),
				FindAndModifyOptions.options().returnNew(true), Notification.class, NotificationOutbox.OUTBOX);
		if (done == null) {
			return;
		}
		try {
			this.mongo.insert(done, NotificationOutbox.DELIVERED);
		}
		catch (DuplicateKeyException ex) {
			// moved before by an attempt that stopped before removing it
		}
		if (this.mongo.remove(Query.query(Criteria.where("_id").is(notice.getId())), NotificationOutbox.OUTBOX)
			.getDeletedCount() > 0) {
			count(done.getStatus().name().toLowerCase(java.util.Locale.ROOT));
		}
		else if (erasedSince(done)) {
			// the customer was erased while the notice was posted, after the claim and
			// before the insert, which wrote the notice back: erase it again
			this.mongo.remove(Query.query(Criteria.where("_id").is(notice.getId())), NotificationOutbox.DELIVERED);
		}
	}

	/**
	 * Whether the notice's customer was erased after the notice was requested (read from
	 * the database: another instance may have erased it a moment ago).
	 */
	private boolean erasedSince(Notification notice) {
		Instant erasure = this.erased.erasureRequestedAtNow(notice.getCustomerId());
		return erasure != null && !notice.getRequestedAt().isAfter(erasure);
	}

	private Query mine(Notification notice) {
		return Query.query(Criteria.where("_id").is(notice.getId()).and("leaseOwner").is(this.owner));
	}

	private Outcome post(Notification notice) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", notice.getId());
		body.put("customerId", notice.getCustomerId());
		body.put("complaintId", notice.getComplaintId());
		body.put("kind", notice.getKind());
		body.put("language", notice.getLanguage());
		body.put("text", notice.getText());
		HttpRequest request = HttpRequest.newBuilder(this.settings.gatewayUrl())
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Idempotency-Key", notice.getId())
			.POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
			.build();
		try {
			int code = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (code / 100 == 2) {
				return new Outcome(NotificationStatus.DELIVERED, null);
			}
			boolean transientFailure = code >= 500 || code == 408 || code == 429;
			return new Outcome(transientFailure ? null : NotificationStatus.REJECTED, "HTTP " + code);
		}
		catch (IOException ex) {
			return new Outcome(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "interrupted");
		}
	}

	private void count(String outcome) {
		Counter.builder("followup.notifications.deliveries")
			.description("Customer notification posts to the gateway, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/** A post's result: a final status, or null to retry, and the error if any. */
	private record Outcome(NotificationStatus status, String error) {

	}

}
