package com.complaintflow.localstack;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * The one way the local stack waits for something to come up: polls a condition (an
 * exception counts as "not yet"), fails at once when what it waits for has stopped, and
 * fails with a plain message when the time is up.
 */
final class Waiting {

	private static final Duration POLL = Duration.ofMillis(250);

	private Waiting() {
	}

	/**
	 * Waits until {@code condition} holds.
	 * @param what what is awaited, for the messages ("the Kafka broker")
	 * @param timeout how long to wait
	 * @param alive false once what is awaited has stopped (its process exited), to fail
	 * fast
	 * @param condition the check, polled every 250 ms
	 * @throws IllegalStateException when it stops or the time is up
	 */
	static void until(String what, Duration timeout, BooleanSupplier alive, Callable<Boolean> condition) {
		try {
			await(what).atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL)
				.ignoreExceptions()
				.failFast(what + " stopped", () -> !alive.getAsBoolean())
				.until(condition);
		}
		catch (TerminalFailureException ex) {
			throw new IllegalStateException(what + " stopped before it was ready", ex);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s", ex);
		}
	}

}
