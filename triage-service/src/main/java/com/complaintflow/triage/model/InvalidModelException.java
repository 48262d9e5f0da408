package com.complaintflow.triage.model;

/**
 * A model file that cannot be used: missing, truncated, altered, or inconsistent with the
 * decision fields.
 */
public class InvalidModelException extends RuntimeException {

	public InvalidModelException(String message) {
		super(message);
	}

}
