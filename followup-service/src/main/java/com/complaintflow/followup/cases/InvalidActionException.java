package com.complaintflow.followup.cases;

/**
 * A request whose values do not fit the case (a remedy option that was not offered, no
 * remedy to offer); the caller must change the request.
 */
public class InvalidActionException extends CaseException {

	InvalidActionException(String message) {
		super(message);
	}

}
