package com.complaintflow.events;

/**
 * Whether the company failed (valid) or the customer needs help, information or to be
 * heard (communicative).
 */
public enum Nature {

	VALID, HELP_SEEKING, INQUIRY, VENTING

}
