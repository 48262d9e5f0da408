package com.complaintflow.support.health;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;

/**
 * One health check at a time, its result reused for a few seconds: the health endpoint is
 * open, and with a dependency away each check waits for its timeout, so a request that
 * comes while a check runs gets the last result (OUT_OF_SERVICE before the first) instead
 * of holding a server thread for a check of its own.
 */
public final class ReusedHealth {

	/** How long a check's result answers the next requests. */
	public static final Duration REUSE = Duration.ofSeconds(5);

	private final Duration reuse;

	private final ReentrantLock checking = new ReentrantLock();

	private volatile Checked last;

	public ReusedHealth(Duration reuse) {
		this.reuse = reuse;
	}

	/**
	 * An indicator's answer: the health with or without its details.
	 * @param includeDetails whether the caller may see the details
	 * @param check the check itself, with details
	 * @return its result, or the last one
	 */
	public Health get(boolean includeDetails, Supplier<Health> check) {
		Health health = get(check);
		return includeDetails ? health : Health.status(health.getStatus()).build();
	}

	/**
	 * The health, checked now unless a recent check answers or another is running.
	 * @param check the check itself
	 * @return its result, or the last one
	 */
	public Health get(Supplier<Health> check) {
		Checked known = this.last;
		if (fresh(known)) {
			return known.health();
		}
		if (!this.checking.tryLock()) {
			// before the first result: not UNKNOWN, which the endpoint would count as UP
			return (known != null) ? known.health()
					: Health.outOfService().withDetail("check", "first check in progress").build();
		}
		try {
			known = this.last;
			if (fresh(known)) {
				return known.health();
			}
			Health health = check.get();
			this.last = new Checked(health, System.nanoTime());
			return health;
		}
		finally {
			this.checking.unlock();
		}
	}

	private boolean fresh(Checked checked) {
		return checked != null && System.nanoTime() - checked.atNanos() < this.reuse.toNanos();
	}

	/** A check's result and when it was made. */
	private record Checked(Health health, long atNanos) {
	}

}
