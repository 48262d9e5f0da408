package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable timer loop of one instance. Every poll interval it claims, with a lease in
 * MongoDB, the cases whose next reminder is due within the lookahead; it holds them in
 * memory and fires each at its instant (claims and fires run on a small worker pool).
 * Instances share the work through the leases; the claims of a killed instance expire and
 * are taken over by the others.
 */
@Component
class ReminderScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReminderScheduler.class);

	private final CaseStore store;

	private final ReminderFiring firing;

	private final TimerSettings settings;

	private final Clock clock;

	private final PriorityQueue<Held> held = new PriorityQueue<>();

	private volatile boolean running;

	private ExecutorService workers;

	private Thread thread;

	ReminderScheduler(CaseStore store, ReminderFiring firing, TimerSettings settings, Clock clock) {
		this.store = store;
		this.firing = firing;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (this.running || !this.settings.enabled()) {
			return;
		}
		this.running = true;
		this.workers = Executors.newFixedThreadPool(this.settings.fireThreads(), (task) -> {
			Thread worker = new Thread(task, "reminders-" + this.settings.instanceId() + "-worker");
			worker.setDaemon(true);
			return worker;
		});
		this.thread = new Thread(this::loop, "reminders-" + this.settings.instanceId());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.thread != null) {
			this.thread.interrupt();
			try {
				this.thread.join(Duration.ofSeconds(5).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
		if (this.workers != null) {
			this.workers.shutdownNow();
			this.workers = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void loop() {
		Instant nextPoll = Instant.MIN;
		while (this.running) {
			try {
				Instant now = this.clock.instant();
				if (!now.isBefore(nextPoll)) {
					claim(now);
					nextPoll = now.plus(this.settings.pollInterval());
				}
				fireDue();
				pause(nextPoll);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("Reminder poll failed, retrying: {}", ex.toString());
				nextPoll = this.clock.instant().plus(this.settings.pollInterval());
			}
		}
	}

	private void claim(Instant now) throws InterruptedException {
		Instant horizon = now.plus(this.settings.lookahead());
		Instant leaseUntil = now.plus(this.settings.lease());
		String owner = this.settings.instanceId();
		List<Callable<Optional<FollowupCase>>> claims = this.store.dueCaseIds(horizon, now, this.settings.batchSize())
			.stream()
			.map((caseId) -> (Callable<Optional<FollowupCase>>) () -> this.store.claim(caseId, owner, now, leaseUntil))
			.toList();
		for (Future<Optional<FollowupCase>> claim : this.workers.invokeAll(claims)) {
			Optional<FollowupCase> claimed = claimed(claim);
			if (claimed.isEmpty()) {
				continue;
			}
			Instant fireAt = claimed.get().getNextFireAt();
			if (fireAt != null && !fireAt.isAfter(horizon)) {
				this.held.add(new Held(fireAt, claimed.get().getId()));
			}
			else {
				this.store.release(claimed.get().getId(), owner);
			}
		}
	}

	private static Optional<FollowupCase> claimed(Future<Optional<FollowupCase>> claim) throws InterruptedException {
		try {
			return claim.get();
		}
		catch (ExecutionException ex) {
			logger.warn("Claim failed, retried at the next poll: {}", ex.getCause().toString());
			return Optional.empty();
		}
	}

	private void fireDue() throws InterruptedException {
		List<String> due = new ArrayList<>();
		while (!this.held.isEmpty() && !this.held.peek().fireAt().isAfter(this.clock.instant())) {
			due.add(this.held.poll().caseId());
		}
		if (due.size() == 1) {
			fire(due.get(0));
		}
		else if (!due.isEmpty()) {
			this.workers.invokeAll(due.stream().map((caseId) -> (Callable<Void>) () -> {
				fire(caseId);
				return null;
			}).toList());
		}
	}

	private void fire(String caseId) {
		try {
			this.firing.fire(caseId, this.settings.instanceId());
		}
		catch (RuntimeException ex) {
			// the lease stays; when it expires this or another instance fires the case
			// again, with the same ids
			logger.warn("Reminders of case {} not raised yet: {}", caseId, ex.toString());
		}
	}

	private void pause(Instant nextPoll) throws InterruptedException {
		Instant wakeAt = this.held.isEmpty() || this.held.peek().fireAt().isAfter(nextPoll) ? nextPoll
				: this.held.peek().fireAt();
		long millis = Duration.between(this.clock.instant(), wakeAt).toMillis();
		Thread.sleep(Math.max(1, Math.min(millis, this.settings.pollInterval().toMillis())));
	}

	/** A claimed case and when its next reminder is due. */
	private record Held(Instant fireAt, String caseId) implements Comparable<Held> {

		@Override
		public int compareTo(Held other) {
			return this.fireAt.compareTo(other.fireAt);
		}

	}

}
