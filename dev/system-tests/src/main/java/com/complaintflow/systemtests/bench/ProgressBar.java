package com.complaintflow.systemtests.bench;

import java.time.Duration;

/**
 * A one-line progress bar on standard error for long benchmark phases.
 */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final String name;

	private final long totalNanos;

	private long lastShown;

	ProgressBar(String name, Duration total) {
		this.name = name;
		this.totalNanos = total.toNanos();
	}

	void show(long elapsedNanos, long accepted) {
		long now = System.nanoTime();
		if (now - this.lastShown < 250_000_000L) {
			return;
		}
		this.lastShown = now;
		int filled = (int) Math.min(WIDTH, WIDTH * elapsedNanos / this.totalNanos);
		System.err.printf("\r%-16s [%s%s] %3d%%  %,d accepted", this.name, "#".repeat(filled),
				" ".repeat(WIDTH - filled), Math.min(100, 100 * elapsedNanos / this.totalNanos), accepted);
	}

	void done(long accepted) {
		System.err.printf("\r%-16s [%s] 100%%  %,d accepted%n", this.name, "#".repeat(WIDTH), accepted);
	}

}
