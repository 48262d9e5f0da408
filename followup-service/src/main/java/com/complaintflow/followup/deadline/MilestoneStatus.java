package com.complaintflow.followup.deadline;

/**
 * Where a milestone stands: its clock runs while OPEN, stops while PAUSED, and it raises
 * nothing once MET or CANCELLED.
 */
public enum MilestoneStatus {

	OPEN, PAUSED, MET, CANCELLED

}
