package com.complaintflow.support.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps development credentials on developers' machines: the {@code local} profile (with
 * its public accounts and keys) may not be combined with any other profile, and a
 * {@code {noop}} (plain text) password is accepted only when {@code local} is the one
 * active profile.
 */
public final class ProfileGuard {

	private ProfileGuard() {
	}

	/**
	 * Refuses {@code local} next to another profile.
	 * @param activeProfiles the active profiles
	 * @throws IllegalStateException when {@code local} is combined with another
	 */
	public static void checkProfiles(String... activeProfiles) {
		List<String> profiles = Arrays.asList(activeProfiles);
		if (profiles.contains(StaffSecurityConfiguration.LOCAL_PROFILE) && profiles.size() > 1) {
			throw new IllegalStateException("The '" + StaffSecurityConfiguration.LOCAL_PROFILE
					+ "' profile (public development accounts and keys) cannot be combined with other profiles, "
					+ "active: " + profiles + ". Run with '" + StaffSecurityConfiguration.LOCAL_PROFILE
					+ "' alone on a developer's machine, or without it and with configured credentials.");
		}
	}

	/**
	 * Refuses plain-text passwords outside the lone {@code local} profile.
	 * @param users the configured accounts
	 * @param activeProfiles the active profiles
	 * @throws IllegalStateException when a {@code {noop}} password is configured there
	 */
	public static void checkPasswords(List<StaffSecuritySettings.StaffUser> users, String... activeProfiles) {
		boolean localOnly = Arrays.asList(activeProfiles).equals(List.of(StaffSecurityConfiguration.LOCAL_PROFILE));
		if (localOnly) {
			return;
		}
		List<String> plain = users.stream()
			.filter((user) -> user.password().toLowerCase(Locale.ROOT).startsWith("{noop}"))
			.map(StaffSecuritySettings.StaffUser::username)
			.toList();
		if (!plain.isEmpty()) {
			throw new IllegalStateException("Plain-text {noop} passwords for " + plain + " are refused outside the '"
					+ StaffSecurityConfiguration.LOCAL_PROFILE + "' profile; configure {bcrypt} passwords.");
		}
	}

}
