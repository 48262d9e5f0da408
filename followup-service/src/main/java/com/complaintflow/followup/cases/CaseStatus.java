package com.complaintflow.followup.cases;

/**
 * The lifecycle of a case, from opened to closed with an outcome.
 */
public enum CaseStatus {

	OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, ESCALATED, RESOLVED, CALLBACK_DONE, CLOSED

}
