package com.complaintflow.events.kafka;

/**
 * A record that is not a valid event of this contract: unknown type, unsupported schema
 * version, or bad content.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String message) {
		super(message);
	}

	public InvalidEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
