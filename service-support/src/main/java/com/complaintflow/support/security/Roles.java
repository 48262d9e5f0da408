package com.complaintflow.support.security;

import java.util.Arrays;

import org.springframework.security.core.Authentication;

/**
 * The staff roles every service understands.
 */
public final class Roles {

	/** Front-line complaint handler. */
	public static final String AGENT = "AGENT";

	/** Approves remedies above the tier limit and takes escalations. */
	public static final String SUPERVISOR = "SUPERVISOR";

	/** Reads analytics and dashboards, previews triage. */
	public static final String OPERATIONS = "OPERATIONS";

	/** Scrapes metrics (Prometheus). */
	public static final String METRICS = "METRICS";

	/**
	 * Followup's console, correcting or confirming triage decisions for the signed-in
	 * staff member it names, and reading triage's review list for a supervisor it names
	 * ({@link StaffDelegation}).
	 */
	public static final String CONSOLE = "CONSOLE";

	private Roles() {
	}

	/** Whether the caller holds any of the roles (named without {@code ROLE_}). */
	public static boolean heldBy(Authentication caller, String... roles) {
		return caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> Arrays.stream(roles)
				.anyMatch((role) -> ("ROLE_" + role).equals(authority.getAuthority())));
	}

}
