package com.complaintflow.analytics.rollup;

/**
 * Keeps a recurring task to a share of the time: after a run that took {@code d}, the
 * next may start only {@code d * (1 / share - 1)} later.
 */
final class DutyCycle {

	private final double share;

	private long notBeforeNanos;

	private boolean ranOnce;

	DutyCycle(double share) {
		if (share <= 0 || share > 1) {
			throw new IllegalArgumentException("share must be in (0, 1]: " + share);
		}
		this.share = share;
	}

	/** Whether a run may start at {@code nowNanos} ({@link System#nanoTime()}). */
	synchronized boolean mayRun(long nowNanos) {
		return !this.ranOnce || nowNanos - this.notBeforeNanos >= 0;
	}

	/** Records a run between two {@link System#nanoTime()} readings. */
	synchronized void ran(long startedNanos, long endedNanos) {
		this.ranOnce = true;
		this.notBeforeNanos = endedNanos + (long) ((endedNanos - startedNanos) * (1 / this.share - 1));
	}

}
