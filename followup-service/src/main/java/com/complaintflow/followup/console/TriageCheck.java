package com.complaintflow.followup.console;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The last word of staff on one field of a complaint's triage decision, as triage
 * published it ({@code decision-corrected}): the value they gave (triage's own when they
 * confirmed it), their role and when; no name, no text.
 *
 * @param id the complaint id and the field, {@code <complaintId>:<field>}
 * @param complaintId the complaint
 * @param field category, persona, playbook or churnRisk
 * @param value the value staff gave
 * @param previousValue the value triage had decided
 * @param role AGENT or SUPERVISOR
 * @param at when
 */
@Document("triage_checks")
record TriageCheck(@Id String id, String complaintId, String field, String value, String previousValue, String role,
		Instant at) {

	/**
	 * Whether staff said triage was right (a confirmation, or an undo of corrections).
	 */
	public boolean confirms() {
		return this.value.equals(this.previousValue);
	}

}
