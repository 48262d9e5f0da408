package com.complaintflow.followup.notification;

/**
 * Where a customer notice stands.
 */
public enum NotificationStatus {

	/** Waiting for (another) delivery attempt. */
	PENDING,

	/** The gateway took it (2xx). */
	DELIVERED,

	/** Not sent: the customer opted out. */
	SUPPRESSED,

	/** The gateway refused it for good (4xx other than 408 and 429); not retried. */
	REJECTED

}
