package com.complaintflow.intake.submission;

/**
 * The 202 answer: the complaint's id and where its status can be read.
 *
 * @param complaintId the complaint
 * @param status always ACCEPTED (Kafka acknowledged it)
 * @param statusUrl the status resource of the complaint
 */
record AcceptedComplaint(String complaintId, String status, String statusUrl) {

	static AcceptedComplaint of(String complaintId) {
		return new AcceptedComplaint(complaintId, "ACCEPTED", ComplaintController.PATH + "/" + complaintId);
	}

}
