package com.complaintflow.triage.rules;

/**
 * What triage knows beyond the complaint itself.
 *
 * @param repeatCount earlier complaints by the same customer in the history window
 * @param priorClaims earlier compensation or refund claims with an amount in the window
 * @param lastMishandled whether the customer's previous complaint was mishandled
 * (deadline breached, escalated or churned)
 * @param lastPromiseBroken whether a deadline promised on the customer's previous
 * complaint was breached: a promise the company did not keep, so its remedies are
 * over-compensated
 * @param incidentId the outage this complaint belongs to, or null
 */
public record TriageContext(int repeatCount, int priorClaims, boolean lastMishandled, boolean lastPromiseBroken,
		String incidentId) {

	/** A first-time customer outside any outage. */
	public static final TriageContext NONE = new TriageContext(0, 0, false, false, null);

	/** The same context, inside the given outage. */
	public TriageContext withIncident(String id) {
		return new TriageContext(this.repeatCount, this.priorClaims, this.lastMishandled, this.lastPromiseBroken, id);
	}

}
