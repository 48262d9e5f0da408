package com.complaintflow.followup.oncall;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
 * Delivers the outbox to the on-call webhook: claims each due alert with a lease, posts
 * it, and on failure schedules the next attempt with exponential backoff. An alert is
 * never dropped; it stays PENDING until a receiver answers 2xx, then moves to
 * {@code oncall_delivered}, so the outbox (polled every half second, a scan on the wire
 * server) holds only what is still to deliver.
 */
@Component
class OnCallDelivery {

	private static final Logger logger = LoggerFactory.getLogger(OnCallDelivery.class);

	static final String DELIVERED = "oncall_delivered";

	private static final int BATCH = 50;

	private final MongoTemplate mongo;

	private final OnCallSettings settings;

	private final Clock clock;

	private final HttpClient http;

	private final String owner = "oncall-" + java.util.UUID.randomUUID();

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	private final Counter delivered;

	private final Counter failed;

	OnCallDelivery(MongoTemplate mongo, OnCallSettings settings, Clock clock, MeterRegistry registry) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
		Gauge.builder("followup.oncall.outbox.pending", this.pending, AtomicLong::get)
			.description("On-call alerts not delivered yet")
			.register(registry);
		Gauge.builder("followup.oncall.oldest.pending", this.oldestPendingSeconds, AtomicLong::get)
			.description("Age in seconds of the oldest undelivered on-call alert")
			.baseUnit("seconds")
			.register(registry);
		this.delivered = Counter.builder("followup.oncall.deliveries").tag("outcome", "delivered").register(registry);
		this.failed = Counter.builder("followup.oncall.deliveries").tag("outcome", "failed").register(registry);
	}

	@Scheduled(fixedDelayString = "${complaintflow.followup.oncall.poll-interval:500ms}")
	void deliverDue() {
		if (!this.settings.enabled()) {
			return;
		}
		Instant now = this.clock.instant();
		Query due = Query
			.query(Criteria.where("status")
				.is(OnCallStatus.PENDING)
				.and("nextAttemptAt")
				.lte(now)
				.and("leaseUntil")
				.lt(now))
			.with(Sort.by("nextAttemptAt"))
			.limit(BATCH);
		due.fields().include("_id");
		for (OnCallAlert candidate : this.mongo.find(due, OnCallAlert.class)) {
			OnCallAlert alert = claim(candidate.getId(), now);
			if (alert != null) {
				deliver(alert);
			}
		}
		measure(now);
	}

	private OnCallAlert claim(String id, Instant now) {
		Query query = Query
			.query(Criteria.where("_id").is(id).and("status").is(OnCallStatus.PENDING).and("leaseUntil").lt(now));
		Update update = new Update().set("leaseOwner", this.owner)
			.set("leaseUntil", now.plus(this.settings.requestTimeout().multipliedBy(3)));
		return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
				OnCallAlert.class);
	}

	private void deliver(OnCallAlert alert) {
		String error = post(AlertBody.of(alert, this.settings));
		Instant now = this.clock.instant();
		Query mine = Query.query(Criteria.where("_id").is(alert.getId()).and("leaseOwner").is(this.owner));
		if (error == null) {
			OnCallAlert delivered = this.mongo.findAndModify(mine,
					new Update().set("status", OnCallStatus.DELIVERED)
						.set("deliveredAt", now)
						.inc("attempts", 1)
						.set("leaseOwner", null)
						.set("leaseUntil", Instant.EPOCH),
					FindAndModifyOptions.options().returnNew(true), OnCallAlert.class);
			if (delivered != null) {
				try {
					this.mongo.insert(delivered, DELIVERED);
				}
				catch (DuplicateKeyException ex) {
					// moved before by an attempt that stopped before removing it
				}
				this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(alert.getId())), OnCallAlert.class);
			}
			this.delivered.increment();
			return;
		}
		int attempts = alert.getAttempts() + 1;
		Instant next = now.plus(backoff(attempts));
		this.mongo.findAndModify(mine,
				new Update().set("attempts", attempts)
					.set("nextAttemptAt", next)
					.set("lastError", error)
					.set("leaseOwner", null)
					.set("leaseUntil", Instant.EPOCH),
				OnCallAlert.class);
		this.failed.increment();
		logger.warn("On-call alert {} not delivered (attempt {}), next attempt at {}: {}", alert.getId(), attempts,
				next, error);
	}

	/**
	 * The wait after {@code attempts} failures: initial backoff doubled each time,
	 * capped.
	 */
	Duration backoff(int attempts) {
		Duration wait = this.settings.initialBackoff();
		for (int i = 1; i < attempts && wait.compareTo(this.settings.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	private String post(String body) {
		HttpRequest request = HttpRequest.newBuilder(this.settings.webhookUrl())
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			return (response.statusCode() / 100 == 2) ? null : "HTTP " + response.statusCode();
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private void measure(Instant now) {
		Query pendingQuery = Query.query(Criteria.where("status").is(OnCallStatus.PENDING));
		this.pending.set(this.mongo.count(pendingQuery, OnCallAlert.class));
		List<OnCallAlert> oldest = this.mongo.find(pendingQuery.with(Sort.by("raisedAt")).limit(1), OnCallAlert.class);
		this.oldestPendingSeconds
			.set(oldest.isEmpty() ? 0 : Duration.between(oldest.get(0).getRaisedAt(), now).toSeconds());
	}

}
