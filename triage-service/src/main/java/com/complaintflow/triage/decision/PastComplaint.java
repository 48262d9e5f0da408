package com.complaintflow.triage.decision;

import java.time.Instant;

/**
 * One earlier complaint in a customer's history.
 *
 * @param complaintId the complaint
 * @param receivedAt when intake received it
 * @param claimed whether the customer demanded compensation or a refund with an amount
 * @param mishandled whether follow-up reported it mishandled (deadline breached,
 * escalated, customer churned)
 * @param promiseBroken whether follow-up reported a deadline promised on it breached (it
 * is then mishandled too); absent (null) in documents stored before 2026-12-03, read as
 * false
 */
record PastComplaint(String complaintId, Instant receivedAt, boolean claimed, boolean mishandled,
		Boolean promiseBroken) {

	PastComplaint {
		promiseBroken = Boolean.TRUE.equals(promiseBroken);
	}

}
