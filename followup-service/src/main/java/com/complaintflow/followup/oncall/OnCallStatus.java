package com.complaintflow.followup.oncall;

/**
 * Where an alert stands: PENDING until every receiver took its first page, then FIRING
 * (renewed before it lapses) while its breach is open, RESOLVING while the resolution is
 * posted, DELIVERED once every receiver took that (moved out of the outbox).
 */
enum OnCallStatus {

	PENDING, FIRING, RESOLVING, DELIVERED

}
