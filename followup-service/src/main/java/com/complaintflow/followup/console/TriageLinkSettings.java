package com.complaintflow.followup.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console reaches triage to send staff corrections: triage's base URL and the
 * console account (role {@code CONSOLE} in triage's accounts); without a password the
 * case page offers no correction.
 *
 * @param url triage's base URL, {@code http://localhost:8082} by default
 * @param username the console account's login, {@code console} by default
 * @param password its password, in plain (triage keeps only its hash); none turns the
 * correction forms off
 * @param timeout how long one call may take, 5 seconds by default
 */
@ConfigurationProperties("complaintflow.followup.console.triage")
public record TriageLinkSettings(URI url, String username, String password, Duration timeout) {

	public TriageLinkSettings {
		url = (url != null) ? url : URI.create("http://localhost:8082");
		username = (username != null && !username.isBlank()) ? username : "console";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(5);
	}

	/** Whether the console may send corrections (a password is configured). */
	boolean enabled() {
		return this.password != null && !this.password.isBlank();
	}

}
