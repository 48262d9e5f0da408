package com.complaintflow.followup.cases;

import java.time.Instant;

/**
 * The staff list filters; null means any.
 *
 * @param status the case status
 * @param queue the work queue
 * @param complaintId the complaint
 * @param dueBefore cases with an open milestone due before this instant (the
 * about-to-breach view)
 * @param limit at most this many cases
 */
public record CaseFilter(CaseStatus status, String queue, String complaintId, Instant dueBefore, int limit) {

}
