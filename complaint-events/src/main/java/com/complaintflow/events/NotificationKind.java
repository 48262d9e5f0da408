package com.complaintflow.events;

/**
 * What a notice tells the customer.
 */
public enum NotificationKind {

	/** The complaint was accepted, with the times promised. */
	ACCEPTED,

	/** Who handles the complaint and how to reach them. */
	ENGINEER_CONTACT,

	/** How the case is progressing, and when the next update comes. */
	PROGRESS,

	/** The problem is fixed; when the callback comes. */
	RESOLVED,

	/** The callback's outcome: closed, or handed to the expert team with a new date. */
	CALLBACK,

	/** The outage the complaint belonged to is over, with the compensation. */
	INCIDENT

}
