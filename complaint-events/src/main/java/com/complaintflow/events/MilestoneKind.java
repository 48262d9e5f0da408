package com.complaintflow.events;

/**
 * A promise made to the customer that the follow-up service keeps on time.
 */
public enum MilestoneKind {

	FIRST_RESPONSE, ENGINEER_CONTACT, PROMISED_ANSWER, PROGRESS_UPDATE, CALLBACK, ESCALATED_RESOLUTION

}
