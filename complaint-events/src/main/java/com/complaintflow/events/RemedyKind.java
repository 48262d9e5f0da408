package com.complaintflow.events;

/**
 * A kind of remedy the agent can offer.
 */
public enum RemedyKind {

	BILL_CREDIT, FEE_WAIVER, DATA_BONUS, SERVICE_UPGRADE, REFUND, DEVICE_REPLACEMENT, ONSITE_REPAIR, NETWORK_CHECK,
	MASS_NOTIFICATION, APOLOGY_GIFT, PLAN_REVIEW, CUSTOM;

	/**
	 * Whether an option of this kind that staff write themselves must state its amount,
	 * so the tier's limits can be checked: money given (a credit, a waiver, bonus data, a
	 * gift) and a custom remedy (0 when it costs nothing). A refund returns what was
	 * wrongly charged, found by the bill check; the others are services.
	 */
	public boolean needsAmount() {
		return switch (this) {
			case BILL_CREDIT, FEE_WAIVER, DATA_BONUS, APOLOGY_GIFT, CUSTOM -> true;
			default -> false;
		};
	}

}
