package com.complaintflow.followup.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Paces a poller of MongoDB so an idle one costs almost nothing: after a poll that found
 * nothing to do, the next one waits for the idle interval of real time, or until the
 * service clock reaches the instant the poll saw something fall due, whichever comes
 * first. A write of this instance that the poller must see sooner brings that instant
 * forward ({@link #dueBy}, {@link #wake}: called after the write, so the next poll sees
 * it); a write of another instance is seen at the latest one idle interval later. Nothing
 * is lost: the work stays in MongoDB until a poll takes it, and a restarted instance
 * polls at once. One poller thread asks; any thread may wake it.
 */
public final class PollPacing {

	private final Duration idle;

	private final long idleNanos;

	/**
	 * The earliest instant writers asked for since the poller last looked (MAX: none).
	 */
	private final AtomicReference<Instant> asked = new AtomicReference<>(Instant.MAX);

	/** When the poller must look again by the service clock. */
	private volatile Instant dueBy = Instant.MIN;

	private volatile long quietSince;

	private volatile boolean idling;

	public PollPacing(Duration idle) {
		this.idle = idle;
		this.idleNanos = idle.toNanos();
	}

	/**
	 * Whether the poller should read MongoDB now: after a busy poll, after the idle
	 * interval, or once the service clock reached what falls due.
	 * @param now the service clock
	 * @return whether to poll
	 */
	public boolean due(Instant now) {
		Instant wanted = this.asked.getAndSet(Instant.MAX);
		if (wanted.isBefore(this.dueBy)) {
			this.dueBy = wanted;
		}
		return !this.idling || System.nanoTime() - this.quietSince >= this.idleNanos || !now.isBefore(this.dueBy);
	}

	/**
	 * Records a poll that {@link #due} allowed.
	 * @param now the service clock when it began
	 * @param busy whether it found work (then the poller keeps its own rate)
	 * @param nextDue when the poll saw the next thing fall due, by the service clock
	 * ({@code Instant.MAX}: nothing within its sight)
	 */
	public void polled(Instant now, boolean busy, Instant nextDue) {
		this.idling = !busy;
		this.quietSince = System.nanoTime();
		// the idle interval by the service clock too: a clock that jumps (tests) polls
		Instant idleEnd = now.plus(this.idle);
		this.dueBy = nextDue.isBefore(idleEnd) ? nextDue : idleEnd;
	}

	/** Something this instance wrote falls due at {@code at}: poll by then. */
	public void dueBy(Instant at) {
		this.asked.accumulateAndGet(at, (a, b) -> a.isBefore(b) ? a : b);
	}

	/** Something this instance wrote is due now: poll at once. */
	public void wake() {
		dueBy(Instant.MIN);
	}

}
