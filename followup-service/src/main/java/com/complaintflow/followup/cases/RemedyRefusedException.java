package com.complaintflow.followup.cases;

/**
 * A remedy above what the caller may offer: above the agent's limit (a supervisor may) or
 * above the tier's cap (nobody may).
 */
public class RemedyRefusedException extends CaseException {

	private final boolean supervisorMay;

	RemedyRefusedException(String message, boolean supervisorMay) {
		super(message);
		this.supervisorMay = supervisorMay;
	}

	/** Whether a supervisor could offer it. */
	public boolean supervisorMay() {
		return this.supervisorMay;
	}

}
