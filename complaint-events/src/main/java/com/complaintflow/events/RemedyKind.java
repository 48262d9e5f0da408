package com.complaintflow.events;

/**
 * A kind of remedy the agent can offer.
 */
public enum RemedyKind {

	BILL_CREDIT, FEE_WAIVER, DATA_BONUS, SERVICE_UPGRADE, REFUND, DEVICE_REPLACEMENT, ONSITE_REPAIR, NETWORK_CHECK,
	MASS_NOTIFICATION, APOLOGY_GIFT, PLAN_REVIEW, CUSTOM

}
