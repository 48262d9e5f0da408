package com.complaintflow.events;

/**
 * How a closed case ended for retention.
 */
public enum Outcome {

	RETAINED, CHURNED, NUMBER_KEPT, UNKNOWN

}
