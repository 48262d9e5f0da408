package com.complaintflow.support.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The headers with which an account of role {@link Roles#CONSOLE} names the staff member
 * it acts for (their login and role), as followup's console sends them to triage; a
 * service reads them from that account only.
 */
public final class StaffDelegation {

	/** The signed-in staff member's login. */
	public static final String LOGIN_HEADER = "Staff-Login";

	/** The staff member's role: {@link Roles#AGENT} or {@link Roles#SUPERVISOR}. */
	public static final String ROLE_HEADER = "Staff-Role";

	/** The roles a console may act with. */
	public static final List<String> ROLES = List.of(Roles.AGENT, Roles.SUPERVISOR);

	/**
	 * A login as the staff accounts and the case API name people (and teams), as a
	 * regular expression for validation annotations.
	 */
	public static final String LOGIN_PATTERN = "[A-Za-z0-9._@-]{1,64}";

	/** {@link #LOGIN_PATTERN}, compiled. */
	public static final Pattern LOGIN = Pattern.compile(LOGIN_PATTERN);

	private StaffDelegation() {
	}

}
