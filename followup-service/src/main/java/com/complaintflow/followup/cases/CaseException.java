package com.complaintflow.followup.cases;

/**
 * A case action that cannot be done; each subclass is one reason, which
 * {@link CaseProblems} answers as a problem detail.
 */
public abstract class CaseException extends RuntimeException {

	protected CaseException(String message) {
		super(message);
	}

}
