package com.complaintflow.events;

/**
 * The rung of the escalation ladder a reminder or escalation is addressed to.
 */
public enum EscalationLevel {

	AGENT, SUPERVISOR, EXPERT_TEAM

}
