package com.complaintflow.events;

/**
 * The retention strategy the agent follows for a complaint.
 */
public enum Playbook {

	COMPETITOR_MISLEADING, COMPETITOR_PROMOTION, UNRESOLVED_IN_TIME, BILLING_ERROR, DEVICE_FAULT, NETWORK_FAULT,
	OWN_NUMBER_ADVICE, UNREASONABLE_DEMAND, STANDARD_CARE;

	/**
	 * Whether the playbook may be followed for a complaint of the category: the fault
	 * playbooks belong to their categories (LABELLING.md section 4, step 6: BILLING_ERROR
	 * to BILLING, NETWORK_FAULT to NETWORK and EMERGENCY, DEVICE_FAULT to DEVICE), the
	 * others go with any.
	 */
	public boolean goesWith(Category category) {
		return switch (this) {
			case BILLING_ERROR -> category == Category.BILLING;
			case NETWORK_FAULT -> category == Category.NETWORK || category == Category.EMERGENCY;
			case DEVICE_FAULT -> category == Category.DEVICE;
			default -> true;
		};
	}

}
