package com.complaintflow.followup.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every staff action on a case with the statuses that allow it: the one table of the
 * case's transition guards.
 */
public enum CaseAction {

	CONTACT("contact", Guards.WORKING), PROGRESS("progress", Guards.WORKING_OR_WAITING),
	WAIT_ON_CUSTOMER("wait-on-customer", Guards.WORKING), RESUME("resume", EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER)),
	OFFER_REMEDIES("offer-remedies", Guards.WORKING), CHOOSE_REMEDY("choose-remedy", Guards.WORKING),
	RESOLVE("resolve", Guards.WORKING), CALLBACK("callback", EnumSet.of(CaseStatus.RESOLVED)),
	CLOSE("close", EnumSet.of(CaseStatus.CALLBACK_DONE)), CLAIM("claim", Guards.NOT_CLOSED),
	RELEASE("release", Guards.NOT_CLOSED), ASSIGN("assign", Guards.NOT_CLOSED), TRANSFER("transfer", Guards.NOT_CLOSED),
	NOTE("note", Guards.NOT_CLOSED), TICK("tick", Guards.NOT_CLOSED);

	private final String label;

	private final Set<CaseStatus> allowedIn;

	CaseAction(String label, Set<CaseStatus> allowedIn) {
		this.label = label;
		this.allowedIn = allowedIn;
	}

	/** The action's name in problem details, timeline and idempotency keys. */
	public String label() {
		return this.label;
	}

	public Set<CaseStatus> allowedIn() {
		return this.allowedIn;
	}

	/** The status sets the guards share. */
	private static final class Guards {

		static final Set<CaseStatus> WORKING = EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
				CaseStatus.ESCALATED);

		static final Set<CaseStatus> WORKING_OR_WAITING = EnumSet.of(CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
				CaseStatus.ESCALATED, CaseStatus.WAITING_ON_CUSTOMER);

		static final Set<CaseStatus> NOT_CLOSED = EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED));

	}

}
