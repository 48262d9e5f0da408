package com.complaintflow.support.kafka;

import com.complaintflow.events.kafka.InvalidEventException;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Turns the exception that sent a record to the dead-letter topic into a one-line reason
 * an operator can read: the failure and, when different, its root cause (the contract
 * violation when there is one).
 */
final class DeadLetterReason {

	private static final int MAX_LENGTH = 1000;

	private DeadLetterReason() {
	}

	static String of(Throwable ex) {
		Throwable top = ex;
		while ((top instanceof ListenerExecutionFailedException || top instanceof BatchListenerFailedException)
				&& top.getCause() != null) {
			top = top.getCause();
		}
		Throwable root = top;
		while (!(root instanceof InvalidEventException) && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = (root == top) ? describe(top) : describe(top) + " (cause " + describe(root) + ")";
		return (reason.length() > MAX_LENGTH) ? reason.substring(0, MAX_LENGTH) : reason;
	}

	private static String describe(Throwable ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

}
