package com.complaintflow.followup.cases;

import java.time.Instant;

/**
 * A staff note on a case: free text, personal data, erased with the customer's data.
 *
 * @param noteId the note's id (stable across retries of the same request)
 * @param at when it was written
 * @param author the staff id
 * @param text the note
 */
public record CaseNote(String noteId, Instant at, String author, String text) {

	@Override
	public String toString() {
		return "CaseNote[noteId=" + this.noteId + ", author=" + this.author + "]";
	}

}
