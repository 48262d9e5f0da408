package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/complaints/{id}}: the status in one word and in plain
 * words, and the promises still open.
 *
 * @param complaintId the complaint
 * @param status the stage, for programs
 * @param message the stage in plain words, in the complaint's language
 * @param updatedAt when the stage last changed
 * @param promises the deadlines promised to the customer that are still open
 */
record StatusView(String complaintId, String status, String message, Instant updatedAt, List<Promise> promises) {

	/**
	 * One open promise.
	 *
	 * @param kind the milestone, for programs
	 * @param dueAt when it is due
	 * @param message the promise in plain words
	 */
	record Promise(String kind, Instant dueAt, String message) {

	}

}
