package com.complaintflow.events;

/**
 * How likely the customer is to leave; HIGH when they name a competitor, porting,
 * cancelling or leaving.
 */
public enum ChurnRisk {

	LOW, MEDIUM, HIGH

}
