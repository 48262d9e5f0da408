package com.complaintflow.events;

/**
 * Handling priority: P1 for emergencies, outages and safety, down to P4.
 */
public enum Priority {

	P1, P2, P3, P4

}
