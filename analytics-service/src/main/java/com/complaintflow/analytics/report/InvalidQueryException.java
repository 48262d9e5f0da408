package com.complaintflow.analytics.report;

/**
 * A question analytics cannot answer as asked (an unknown filter value, a range or limit
 * out of bounds): the caller's mistake, answered 400 with this message; anything else
 * that fails is the service's own, answered 500.
 */
public class InvalidQueryException extends RuntimeException {

	public InvalidQueryException(String message) {
		super(message);
	}

}
