package com.complaintflow.followup.oncall;

/**
 * Whether an alert still waits for delivery.
 */
enum OnCallStatus {

	PENDING, DELIVERED

}
