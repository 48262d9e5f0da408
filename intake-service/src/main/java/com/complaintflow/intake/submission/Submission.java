package com.complaintflow.intake.submission;

/**
 * The outcome of a submission that Kafka acknowledged.
 *
 * @param complaintId the complaint
 * @param replayed true when an idempotent retry was answered with an earlier complaint
 */
record Submission(String complaintId, boolean replayed) {

}
