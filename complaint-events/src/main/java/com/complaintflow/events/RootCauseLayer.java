package com.complaintflow.events;

/**
 * Where the cause most likely lies, narrowed down customer side first.
 */
public enum RootCauseLayer {

	CUSTOMER_SIDE, OPERATOR_SIDE, EXTERNAL, UNKNOWN

}
