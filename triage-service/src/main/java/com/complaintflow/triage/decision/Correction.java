package com.complaintflow.triage.decision;

import java.time.Instant;

import com.complaintflow.events.Language;
import com.complaintflow.events.Playbook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff correction of one field of a triage decision, kept as a labelled example for
 * training (the text, the field and the corrected value) with who corrected it and when.
 *
 * @param correctionId the id (also the document id)
 * @param complaintId the complaint
 * @param customerId the customer
 * @param language the text's language
 * @param text the complaint's description (null for decisions stored before texts were)
 * @param field the corrected field key
 * @param previousValue what triage had decided
 * @param value the corrected value
 * @param decidedBy which source had decided the field
 * @param playbook the playbook triage had chosen
 * @param correctedBy the staff member's user name
 * @param role AGENT or SUPERVISOR
 * @param correctedAt when
 * @param note an optional remark
 * @param suggestedValue the value followup's console suggested at this check
 * ({@link ConsoleSuggestion}), or null where it suggested none
 */
@Document("corrections")
record Correction(@Id String correctionId, String complaintId, String customerId, Language language, String text,
		String field, String previousValue, String value, String decidedBy, Playbook playbook, String correctedBy,
		String role, Instant correctedAt, String note, String suggestedValue) {

	/** Whether staff corrected the field to the value the console suggested. */
	boolean tookSuggestion() {
		return this.suggestedValue != null && this.suggestedValue.equals(this.value);
	}

}
