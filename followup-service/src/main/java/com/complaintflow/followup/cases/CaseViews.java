package com.complaintflow.followup.cases;

import java.time.Clock;

import com.complaintflow.followup.audit.ContactReads;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.support.security.Roles;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Renders one case for the caller: AGENT and SUPERVISOR see the customer's contact, and
 * every such answer is audited before it is built; everybody else sees the case without
 * it.
 */
@Component
public class CaseViews {

	private final MilestoneClock milestones;

	private final ContactReads audit;

	private final Clock clock;

	CaseViews(MilestoneClock milestones, ContactReads audit, Clock clock) {
		this.milestones = milestones;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The case for the caller.
	 * @param endpoint the endpoint answering, recorded in the audit
	 */
	public CaseView render(FollowupCase c, Authentication caller, String endpoint) {
		boolean withContact = mayReadContact(caller);
		if (withContact && c.getPersonal() != null && c.getPersonal().contact() != null) {
			this.audit.record(c.getId(), caller.getName(), endpoint);
		}
		return CaseView.of(c, this.milestones, this.clock.instant(), withContact);
	}

	/** Whether the caller holds AGENT or SUPERVISOR. */
	static boolean mayReadContact(Authentication caller) {
		return Roles.heldBy(caller, Roles.AGENT, Roles.SUPERVISOR);
	}

}
