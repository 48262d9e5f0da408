package com.complaintflow.followup.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every staff action on a case with the statuses that allow it: the one table of the
 * case's transition guards.
 */
public enum CaseAction {

	CONTACT("contact", Guards.WORKING, false), PROGRESS("progress", Guards.WORKING_OR_WAITING, false),
	WAIT_ON_CUSTOMER("wait-on-customer", Guards.WORKING, false),
	RESUME("resume", EnumSet.of(CaseStatus.WAITING_ON_CUSTOMER), false),
	OFFER_REMEDIES("offer-remedies", Guards.WORKING, false), CHOOSE_REMEDY("choose-remedy", Guards.WORKING, false),
	RESOLVE("resolve", Guards.WORKING, true), CALLBACK("callback", EnumSet.of(CaseStatus.RESOLVED), false),
	CLOSE("close", EnumSet.of(CaseStatus.CALLBACK_DONE), false), CLAIM("claim", Guards.NOT_CLOSED, true),
	RELEASE("release", Guards.NOT_CLOSED, true), ASSIGN("assign", Guards.NOT_CLOSED, true),
	TRANSFER("transfer", Guards.NOT_CLOSED, true), NOTE("note", Guards.NOT_CLOSED, true),
	TICK("tick", Guards.NOT_CLOSED, true);

	private final String label;

	private final Set<CaseStatus> allowedIn;

	private final boolean onIncidents;

	CaseAction(String label, Set<CaseStatus> allowedIn, boolean onIncidents) {
		this.label = label;
		this.allowedIn = allowedIn;
		this.onIncidents = onIncidents;
	}

	/**
	 * Whether the action applies to an incident case too: an outage is no customer's
	 * complaint, so what speaks to a customer (contact, progress, remedies, callback) is
	 * done on its members' cases; the incident case is resolved, noted, ticked and owned.
	 */
	public boolean onIncidents() {
		return this.onIncidents;
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
