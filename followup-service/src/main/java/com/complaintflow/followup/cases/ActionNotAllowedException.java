package com.complaintflow.followup.cases;

import java.util.Set;

import com.complaintflow.support.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An action the case's current state does not allow: answered 409 with the state and the
 * states that would allow it.
 */
class ActionNotAllowedException extends ProblemException {

	ActionNotAllowedException(String action, CaseStatus status, Set<CaseStatus> allowedIn, String why) {
		super(HttpStatus.CONFLICT, "Action not allowed",
				"Cannot " + action + " a case that is " + status + ((why != null) ? ": " + why : "") + ".");
		getProblem().setProperty("action", action);
		getProblem().setProperty("status", status);
		getProblem().setProperty("allowedIn", allowedIn);
	}

}
