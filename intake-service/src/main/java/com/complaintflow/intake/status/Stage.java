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
	/** Waiting for the customer; the promised times are paused until they answer. */
	WAITING_ON_CUSTOMER,
	/** A supervisor oversees the case; the promises still stand. */
	SUPERVISED,
	/** Passed up to an expert team, sometimes with a new deadline of its own. */
	ESCALATED,
	/** Closed. */
	CLOSED

}
