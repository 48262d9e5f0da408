package com.complaintflow.followup.cases;

import java.util.Set;

/**
 * An action the case's current state (its status, its owner, its notes) does not allow.
 */
public class ActionNotAllowedException extends CaseException {

	private final CaseAction action;

	private final CaseStatus status;

	private final String owner;

	ActionNotAllowedException(CaseAction action, CaseStatus status, String why, String owner) {
		super("Cannot " + action.label() + " a case that is " + status + ((why != null) ? ": " + why : "") + ".");
		this.action = action;
		this.status = status;
		this.owner = owner;
	}

	ActionNotAllowedException(CaseAction action, CaseStatus status) {
		this(action, status, null, null);
	}

	public CaseAction action() {
		return this.action;
	}

	public CaseStatus status() {
		return this.status;
	}

	public Set<CaseStatus> allowedIn() {
		return this.action.allowedIn();
	}

	/** The agent who owns the case when ownership is the reason, else null. */
	public String owner() {
		return this.owner;
	}

}
