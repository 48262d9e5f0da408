package com.complaintflow.triage.decision;

import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffDelegation;
import com.complaintflow.support.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * Who corrects a decision: the staff account that signed in, or, for followup's console
 * account ({@link Roles#CONSOLE}), the staff member its {@link StaffDelegation} headers
 * name; a staff account's headers are ignored, so no one corrects under another name. A
 * handler takes it as an argument ({@link StaffMemberArguments}).
 *
 * @param login the staff member's login
 * @param role {@link Roles#AGENT} or {@link Roles#SUPERVISOR}
 */
record StaffMember(String login, String role) {

	static StaffMember of(Authentication who, String namedLogin, String namedRole) {
		if (!Roles.heldBy(who, Roles.CONSOLE)) {
			return new StaffMember(who.getName(), Roles.heldBy(who, Roles.SUPERVISOR) ? Roles.SUPERVISOR : Roles.AGENT);
		}
		if (namedLogin == null || !StaffDelegation.LOGIN.matcher(namedLogin).matches() || namedRole == null
				|| !StaffDelegation.ROLES.contains(namedRole)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Staff member not named",
					"The console account acts for a staff member: send " + StaffDelegation.LOGIN_HEADER
							+ " (1-64 of A-Z a-z 0-9 . _ @ -) and " + StaffDelegation.ROLE_HEADER + " (one of "
							+ StaffDelegation.ROLES + ")");
		}
		return new StaffMember(namedLogin, namedRole);
	}

}
