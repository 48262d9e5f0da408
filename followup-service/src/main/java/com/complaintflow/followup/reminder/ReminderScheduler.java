package com.complaintflow.followup.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.poll.PollPacing;
import com.complaintflow.followup.timer.TimerIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable timer loop of one instance. Every poll interval it claims, through the
 * timer index and with a lease in MongoDB, the cases whose next reminder is due within
 * the lookahead; it holds them in memory and fires those due at the same instant as one
 * batch (batches run on a small worker pool). Instances share the work through the
 * leases; the claims of a killed instance expire and are taken over by the others.
 */
@Component
class ReminderScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ReminderScheduler.class);

	private static final int MAX_BATCH = 100;

	private final DueTimers due;

	private final ReminderFiring firing;

	private final TimerSettings settings;

	private final Clock clock;

	private final PollPacing pacing;

	private final PriorityQueue<Held> held = new PriorityQueue<>();

	private final Set<String> heldIds = new HashSet<>();

	private volatile boolean running;

	private ExecutorService workers;

	private Thread thread;

	ReminderScheduler(TimerIndex index, CaseStore store, ReminderFiring firing, TimerSettings settings, Clock clock) {
		this.due = new DueTimers(index, store, settings);
		this.firing = firing;
		this.settings = settings;
		this.clock = clock;
		this.pacing = new PollPacing(settings.idlePollInterval());
		// a timer this instance indexes within sight of the next poll wakes it in time
		index.onAdded((second) -> this.pacing.dueBy(Instant.ofEpochSecond(second).minus(settings.lookahead())));
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

	/**
	 * Polls every poll interval of real time (not of the service clock, so a clock that
	 * jumps, as in tests, is caught up poll by poll) while timers are due, less often
	 * while none is ({@link PollPacing}), and fires what is due in between.
	 */
	private void loop() {
		long pollNanos = this.settings.pollInterval().toNanos();
		long nextPoll = System.nanoTime();
		while (this.running) {
			try {
				if (System.nanoTime() - nextPoll >= 0) {
					Instant now = this.clock.instant();
					if (this.pacing.due(now)) {
						claim(now);
					}
					nextPoll = System.nanoTime() + pollNanos;
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
				this.pacing.polled(this.clock.instant(), true, Instant.MIN);
				nextPoll = System.nanoTime() + pollNanos;
			}
		}
	}

	private void claim(Instant now) {
		DueTimers.Claimed claimed = this.due.claim(now, this.heldIds);
		for (CaseStore.CaseTimer timer : claimed.cases()) {
			this.held.add(new Held(timer.nextFireAt(), timer.caseId()));
		}
		this.pacing.polled(now, claimed.busy(), claimed.nextDue());
	}

	/**
	 * Fires every held case whose instant has come, as batches (one per worker, at most
	 * {@code MAX_BATCH} cases each): all sends, then all acknowledgements, then records.
	 */
	private void fireDue() throws InterruptedException {
		List<String> ready = new ArrayList<>();
		while (!this.held.isEmpty() && !this.held.peek().fireAt().isAfter(this.clock.instant())) {
			ready.add(this.held.poll().caseId());
		}
		if (ready.isEmpty()) {
			return;
		}
		int size = Math.min(MAX_BATCH, Math.max(1, -Math.floorDiv(-ready.size(), this.settings.fireThreads())));
		List<Callable<Void>> batches = new ArrayList<>();
		for (int from = 0; from < ready.size(); from += size) {
			List<String> batch = ready.subList(from, Math.min(ready.size(), from + size));
			batches.add(() -> {
				fire(batch);
				return null;
			});
		}
		if (batches.size() == 1) {
			fire(ready);
		}
		else {
			this.workers.invokeAll(batches);
		}
		ready.forEach(this.heldIds::remove);
	}

	private void fire(List<String> caseIds) {
		try {
			this.firing.fireAll(caseIds, this.settings.instanceId());
		}
		catch (RuntimeException ex) {
			// the lease stays; when it expires this or another instance fires the case
			// again, with the same ids
			logger.warn("Reminders of {} cases not all raised yet: {}", caseIds.size(), ex.toString());
		}
	}

	private void pause(long nextPoll) throws InterruptedException {
		long millis = TimeUnit.NANOSECONDS.toMillis(nextPoll - System.nanoTime());
		if (!this.held.isEmpty()) {
			millis = Math.min(millis, Duration.between(this.clock.instant(), this.held.peek().fireAt()).toMillis());
		}
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
