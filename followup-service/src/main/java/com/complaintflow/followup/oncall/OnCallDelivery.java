package com.complaintflow.followup.oncall;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import com.complaintflow.followup.poll.PollPacing;
import com.complaintflow.followup.retry.Backoff;
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
 * Delivers the outbox to the on-call receivers, new pages before renewals and
 * resolutions. Each due alert is claimed with a lease and posted, to all at once, to
 * every receiver that has not taken it yet; a failed receiver is retried with jittered
 * exponential backoff, and an alert is never dropped. In the Alertmanager format a
 * delivered alert stays in the outbox as FIRING: every {@code renew-interval} its breach
 * is checked and it is re-posted with a later {@code endsAt}, so it never lapses while
 * the breach is open; once the milestone is met (or the case closed) the resolution is
 * posted and the alert moves to {@code oncall_delivered}. The outbox (polled every half
 * second, a scan on the wire server) holds only open breaches and undelivered alerts.
 */
@Component
class OnCallDelivery {

	private static final Logger logger = LoggerFactory.getLogger(OnCallDelivery.class);

	static final String DELIVERED = "oncall_delivered";

	private static final int BATCH = 50;

	private static final List<OnCallStatus> IN_OUTBOX = List.of(OnCallStatus.PENDING, OnCallStatus.FIRING,
			OnCallStatus.RESOLVING);

	private final MongoTemplate mongo;

	private final OnCallSettings settings;

	private final BreachCheck breaches;

	private final Clock clock;

	private final HttpClient http;

	private final Backoff backoff;

	private final String owner = "oncall-" + java.util.UUID.randomUUID();

	private final AtomicLong pending = new AtomicLong();

	private final PollPacing pacing;

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	private final Counter delivered;

	private final Counter failed;

	OnCallDelivery(MongoTemplate mongo, OnCallSettings settings, BreachCheck breaches, Clock clock,
			MeterRegistry registry) {
		this.mongo = mongo;
		this.settings = settings;
		this.breaches = breaches;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
		this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
		this.pacing = new PollPacing(settings.idlePollInterval());
		Gauge.builder("followup.oncall.outbox.pending", this.pending, AtomicLong::get)
			.description("On-call alerts not delivered yet")
			.register(registry);
		Gauge.builder("followup.oncall.oldest.pending", this.oldestPendingSeconds, AtomicLong::get)
			.description("Age in seconds of the oldest undelivered on-call alert")
			.baseUnit("seconds")
			.register(registry);
		this.delivered = deliveries(registry, "delivered");
		this.failed = deliveries(registry, "failed");
	}

	@Scheduled(fixedDelayString = "${complaintflow.followup.oncall.poll-interval:500ms}")
	void deliverDue() {
		Instant now = this.clock.instant();
		if (!this.pacing.due(now)) {
			return;
		}
		if (!this.settings.enabled()) {
			// nobody to post to: the alerts wait, and the gauges show how long (the
			// ComplaintOnCallDeliveryFailing alert)
			measure(now);
			this.pacing.polled(now, false, Instant.MAX);
			return;
		}
		// new pages first, those never tried yet (a backlog of renewals and retries, each
		// slow while a receiver does not answer, must not hold them back), then every
		// free alert soonest due first; a poll ends after two request timeouts, so the
		// next one sees the pages raised meanwhile first
		boolean busy = false;
		Instant nextDue = Instant.MAX;
		Set<String> handled = new HashSet<>();
		long endNanos = System.nanoTime() + this.settings.requestTimeout().multipliedBy(2).toNanos();
		List<Criteria> passes = List.of(Criteria.where("status").is(OnCallStatus.PENDING).and("attempts").is(0),
				Criteria.where("status").in(IN_OUTBOX));
		for (Criteria pass : passes) {
			Query free = Query.query(pass.and("leaseUntil").lt(now)).with(Sort.by("nextAttemptAt")).limit(BATCH);
			free.fields().include("_id").include("nextAttemptAt");
			for (OnCallAlert candidate : this.mongo.find(free, OnCallAlert.class)) {
				if (candidate.getNextAttemptAt() != null && candidate.getNextAttemptAt().isAfter(now)) {
					nextDue = (candidate.getNextAttemptAt().isBefore(nextDue)) ? candidate.getNextAttemptAt() : nextDue;
					break;
				}
				busy = true;
				if (System.nanoTime() - endNanos > 0) {
					break;
				}
				if (!handled.add(candidate.getId())) {
					continue;
				}
				OnCallAlert alert = claim(candidate.getId());
				if (alert != null) {
					deliver(alert);
				}
			}
		}
		measure(now);
		this.pacing.polled(now, busy, nextDue);
	}

	/** An alert was raised here: deliver it at the next poll. */
	void wake() {
		this.pacing.wake();
	}

	/**
	 * Claims the alert if its lease has ended, for three request timeouts per receiver
	 * from the claim (not from the poll's start: the deliveries before it in the poll may
	 * have taken that long already, and a lease ended on grant would let another instance
	 * page it too, or post a firing alert after its resolution).
	 */
	private OnCallAlert claim(String id) {
		Instant at = this.clock.instant();
		Query query = Query.query(Criteria.where("_id").is(id).and("status").in(IN_OUTBOX).and("leaseUntil").lt(at));
		Update update = new Update().set("leaseOwner", this.owner)
			.set("leaseUntil", at.plus(this.settings.requestTimeout().multipliedBy(3L * receivers().size())));
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				OnCallAlert.class);
	}

	private void deliver(OnCallAlert alert) {
		boolean events = this.settings.format() == OnCallSettings.Format.EVENT;
		OnCallStatus status = alert.getStatus();
		Instant resolvedAt = alert.getResolvedAt();
		List<String> missing = missing(alert);
		if (!events && status != OnCallStatus.RESOLVING && !this.breaches.isOpen(alert)) {
			status = OnCallStatus.RESOLVING;
			resolvedAt = this.clock.instant();
			missing = receivers();
		}
		Instant endsAt = (status == OnCallStatus.RESOLVING) ? resolvedAt
				: this.clock.instant().plus(this.settings.firingFor());
		String body = events ? alert.getEventJson() : AlertBody.of(alert, this.settings, endsAt);
		List<String> failures = new ArrayList<>();
		List<String> stillMissing = new ArrayList<>();
		// in the Alertmanager format a post is idempotent and renews endsAt: while a
		// receiver is missing, the ones that took it are posted again so theirs never
		// lapses
		List<String> targets = (events || status == OnCallStatus.RESOLVING) ? missing : receivers();
		// posted to every receiver at once: one that does not answer costs one request
		// timeout, not one per receiver
		Map<String, CompletableFuture<String>> posts = new LinkedHashMap<>();
		targets.forEach((url) -> posts.put(url, post(URI.create(url), body)));
		for (Map.Entry<String, CompletableFuture<String>> posted : posts.entrySet()) {
			String url = posted.getKey();
			String error = posted.getValue().join();
			if (!missing.contains(url)) {
				// a renewal at a receiver that has it: a failure is retried with the next
				continue;
			}
			if (error != null) {
				stillMissing.add(url);
				failures.add(error);
				this.failed.increment();
			}
			else {
				this.delivered.increment();
			}
		}
		Instant now = this.clock.instant();
		Query mine = Query.query(Criteria.where("_id").is(alert.getId()).and("leaseOwner").is(this.owner));
		if (stillMissing.isEmpty() && (events || status == OnCallStatus.RESOLVING)) {
			moveToDelivered(alert, mine, now);
			return;
		}
		Update update = new Update().set("status", status)
			.set("resolvedAt", resolvedAt)
			.set("leaseOwner", null)
			.set("leaseUntil", Instant.EPOCH);
		if (stillMissing.isEmpty()) {
			// every receiver has it firing: check and renew before it lapses
			update.set("status", OnCallStatus.FIRING)
				.set("missing", null)
				.set("receivers", null)
				.set("attempts", 0)
				.set("nextAttemptAt", now.plus(this.settings.renewInterval()));
			if (alert.getStatus() == OnCallStatus.PENDING) {
				update.set("deliveredAt", now);
			}
			this.mongo.findAndModify(mine, update, OnCallAlert.class);
			return;
		}
		int attempts = alert.getAttempts() + 1;
		Instant next = now.plus(this.backoff.jitteredAfter(attempts));
		if (!events && status != OnCallStatus.RESOLVING && next.isAfter(now.plus(this.settings.renewInterval()))) {
			// the receivers that have it firing are renewed at least every renew-interval
			next = now.plus(this.settings.renewInterval());
		}
		update.set("missing", stillMissing)
			.set("receivers", receivers())
			.set("attempts", attempts)
			.set("nextAttemptAt", next)
			.set("lastError", String.join("; ", failures));
		this.mongo.findAndModify(mine, update, OnCallAlert.class);
		logger.warn("On-call alert {} not taken by {} of {} receiver(s) (attempt {}), next attempt at {}: {}",
				alert.getId(), stillMissing.size(), receivers().size(), attempts, next, failures);
	}

	private void moveToDelivered(OnCallAlert alert, Query mine, Instant now) {
		OnCallAlert done = this.mongo.findAndModify(mine,
				new Update().set("status", OnCallStatus.DELIVERED)
					.set("deliveredAt", now)
					.inc("attempts", 1)
					.set("missing", null)
					.set("receivers", null)
					.set("leaseOwner", null)
					.set("leaseUntil", Instant.EPOCH),
				FindAndModifyOptions.options().returnNew(true), OnCallAlert.class);
		if (done != null) {
			done.forgetEvent();
			try {
				this.mongo.insert(done, DELIVERED);
			}
			catch (DuplicateKeyException ex) {
				// moved before by an attempt that stopped before removing it
			}
			this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(alert.getId())), OnCallAlert.class);
		}
	}

	/**
	 * The receivers configured now that have not taken the alert's post: those it missed
	 * at its last attempt, and those added to {@code webhook-urls} since (a restart with
	 * another receiver list); a receiver no longer configured is not posted to again. An
	 * alert kept before the receivers of its attempt were recorded (2026-12-07) goes to
	 * every receiver configured now: one that has it may be paged twice, none is missed.
	 */
	private List<String> missing(OnCallAlert alert) {
		List<String> receivers = receivers();
		List<String> missed = alert.getMissing();
		List<String> known = alert.getReceivers();
		if (missed == null || known == null) {
			return receivers;
		}
		return receivers.stream().filter((url) -> missed.contains(url) || !known.contains(url)).toList();
	}

	private List<String> receivers() {
		return this.settings.webhookUrls().stream().map(URI::toString).toList();
	}

	/** Posts the body; completes with null when the receiver took it, else why not. */
	private CompletableFuture<String> post(URI url, String body) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> (failure != null)
					? url.getHost() + ": " + ((failure instanceof CompletionException) ? failure.getCause() : failure)
					: (response.statusCode() / 100 == 2) ? null : url.getHost() + ": HTTP " + response.statusCode());
	}

	private void measure(Instant now) {
		Query pendingQuery = Query.query(Criteria.where("status").is(OnCallStatus.PENDING));
		this.pending.set(this.mongo.count(pendingQuery, OnCallAlert.class));
		List<OnCallAlert> oldest = this.mongo.find(pendingQuery.with(Sort.by("raisedAt")).limit(1), OnCallAlert.class);
		this.oldestPendingSeconds
			.set(oldest.isEmpty() ? 0 : Duration.between(oldest.get(0).getRaisedAt(), now).toSeconds());
	}

	private static Counter deliveries(MeterRegistry registry, String outcome) {
		return Counter.builder("followup.oncall.deliveries")
			.description("On-call alert posts to the webhook receivers, by outcome (delivered or failed)")
			.tag("outcome", outcome)
			.register(registry);
	}

}
