package com.complaintflow.followup.cases;

/**
 * The case changed concurrently on every attempt; the client retries with the same
 * idempotency key.
 */
public class CaseBusyException extends CaseException {

	CaseBusyException(String message) {
		super(message);
	}

}
