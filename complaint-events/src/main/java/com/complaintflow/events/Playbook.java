package com.complaintflow.events;

/**
 * The retention strategy the agent follows for a complaint.
 */
public enum Playbook {

	COMPETITOR_MISLEADING, COMPETITOR_PROMOTION, UNRESOLVED_IN_TIME, BILLING_ERROR, DEVICE_FAULT, NETWORK_FAULT,
	OWN_NUMBER_ADVICE, UNREASONABLE_DEMAND, STANDARD_CARE

}
