package com.complaintflow.followup.cases;

/**
 * A case for one complaint, or an incident case grouping the complaints of one outage.
 */
public enum CaseKind {

	COMPLAINT, INCIDENT

}
