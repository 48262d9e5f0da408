package com.complaintflow.intake.status;

/**
 * Where a complaint stands, as the customer sees it.
 */
enum Stage {

	/** Accepted by intake, being triaged. */
	ACCEPTED,
	/** Triaged and with a handler; promises to the customer are running. */
	IN_PROGRESS,
	/** Staff have contacted the customer. */
	CONTACTED,
	/** Remedy options were offered; the customer's choice is awaited. */
	REMEDY_OFFERED,
	/** The customer chose a remedy; it is being carried out. */
	REMEDY_CHOSEN,
	/** Resolved; a callback will ask the customer whether it is fixed. */
	RESOLVED,
	/** Passed up to an expert team with a new deadline. */
	ESCALATED,
	/** Closed. */
	CLOSED

}
