package com.complaintflow.support.security;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff and operations accounts allowed to call a service; passwords are stored encoded
 * ({@code {bcrypt}...}).
 *
 * @param users the accounts; a service outside the {@code local} profile refuses to start
 * without any
 */
@Validated
@ConfigurationProperties("complaintflow.security")
public record StaffSecuritySettings(List<@Valid StaffUser> users) {

	public StaffSecuritySettings {
		users = (users != null) ? List.copyOf(users) : List.of();
	}

	/**
	 * One account.
	 *
	 * @param username the login
	 * @param password the encoded password, with its encoder prefix
	 * @param roles roles without the ROLE_ prefix: AGENT, SUPERVISOR, OPERATIONS, METRICS
	 */
	public record StaffUser(@NotBlank String username, @NotBlank String password, @NotEmpty List<String> roles) {

	}

}
