package com.complaintflow.events;

/**
 * A kind of remedy the agent can offer.
 */
public enum RemedyKind {

	BILL_CREDIT, FEE_WAIVER, DATA_BONUS, SERVICE_UPGRADE, REFUND, DEVICE_REPLACEMENT, ONSITE_REPAIR, NETWORK_CHECK,
	MASS_NOTIFICATION, APOLOGY_GIFT, PLAN_REVIEW, CUSTOM;

	/**
	 * Whether an option of this kind that staff write themselves must state its amount,
	 * so the tier's limits can be checked: money given or returned (a credit, a waiver,
	 * bonus data, a gift, a refund) and a custom remedy (0 when it costs nothing); the
	 * others are services. (Triage's own refund option, the wrongly charged amount found
	 * by the bill check, has none.)
	 */
	public boolean needsAmount() {
		return switch (this) {
			case BILL_CREDIT, FEE_WAIVER, DATA_BONUS, APOLOGY_GIFT, REFUND, CUSTOM -> true;
			default -> false;
		};
	}

}
