package com.complaintflow.intake.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Marks published idempotency records SENT in batches: a request whose event Kafka
 * acknowledged queues its record's id and answers 202 at once; every
 * {@code sent-mark-interval} the queued ids are written in one update, on a thread of
 * their own (the shared scheduler's one thread runs the relay, which can take a while). A
 * record whose mark is lost (a crash, MongoDB unavailable) stays PENDING and the relay
 * publishes the same event again (same eventId, dropped by consumers); a twin request or
 * the relay in this instance already sees it as sent.
 */
@Component
class SentMarks {

	private static final Logger logger = LoggerFactory.getLogger(SentMarks.class);

	private static final int MAX_PER_WRITE = 10_000;

	private final IdempotencyStore store;

	private final SubmissionSettings settings;

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	SentMarks(IdempotencyStore store, SubmissionSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@PostConstruct
	void start() {
		this.scheduler.setThreadNamePrefix("sent-marks-");
		this.scheduler.setWaitForTasksToCompleteOnShutdown(true);
		this.scheduler.setAwaitTerminationSeconds(10);
		this.scheduler.initialize();
		this.scheduler.scheduleWithFixedDelay(this::write, this.settings.sentMarkInterval());
	}

	/** Stops the schedule, then writes what is still queued. */
	@PreDestroy
	void stop() {
		this.scheduler.shutdown();
		write();
	}

	/** Queues a published record's SENT mark. */
	void queue(String id) {
		this.queued.add(id);
	}

	/** Whether a record was published and only its mark is not written yet. */
	boolean isQueued(String id) {
		return this.queued.contains(id);
	}

	/** Writes the queued marks; those not written stay queued for the next run. */
	void write() {
		while (!this.queued.isEmpty()) {
			List<String> ids = new ArrayList<>(Math.min(this.queued.size(), MAX_PER_WRITE));
			for (String id : this.queued) {
				if (ids.size() == MAX_PER_WRITE) {
					break;
				}
				ids.add(id);
			}
			try {
				this.store.markSent(ids);
			}
			catch (RuntimeException ex) {
				logger.warn("{} SENT marks not written yet; the next run retries: {}", ids.size(), ex.toString());
				return;
			}
			ids.forEach(this.queued::remove);
		}
	}

}
