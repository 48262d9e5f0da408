package com.complaintflow.events;

/**
 * The complainant's psychology, which decides how the agent should speak.
 */
public enum Persona {

	VENTING, RESPECT_SEEKING, COMPENSATION_SEEKING

}
