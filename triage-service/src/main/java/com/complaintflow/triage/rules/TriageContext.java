package com.complaintflow.triage.rules;

/**
 * What triage knows beyond the complaint itself.
 *
 * @param repeatCount earlier complaints by the same customer in the history window
 * @param priorClaims earlier compensation or refund claims with an amount in the window
 * @param lastMishandled whether the customer's previous complaint was mishandled
 * (deadline breached, escalated or churned)
 * @param incidentId the outage this complaint belongs to, or null
 */
public record TriageContext(int repeatCount, int priorClaims, boolean lastMishandled, String incidentId) {

	/** A first-time customer outside any outage. */
	public static final TriageContext NONE = new TriageContext(0, 0, false, null);

	/** The same context, inside the given outage. */
	public TriageContext withIncident(String id) {
		return new TriageContext(this.repeatCount, this.priorClaims, this.lastMishandled, id);
	}

}
