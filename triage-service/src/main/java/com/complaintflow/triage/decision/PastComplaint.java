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
 */
record PastComplaint(String complaintId, Instant receivedAt, boolean claimed, boolean mishandled) {
}
