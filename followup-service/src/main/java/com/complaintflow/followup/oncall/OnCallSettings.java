package com.complaintflow.followup.oncall;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where breach and escalation alerts go, in which format, and how failed deliveries are
 * retried.
 *
 * @param webhookUrl the receiver; when empty alerts are kept in the outbox, undelivered
 * @param format ALERTMANAGER (a {@code POST /api/v2/alerts} array) or EVENT (the reminder
 * event's JSON)
 * @param pollInterval how often the outbox is read
 * @param initialBackoff the wait after the first failure, doubled after each next one
 * @param maxBackoff the longest wait between two attempts
 * @param requestTimeout how long one delivery may take
 * @param generatorUrl the link put in each alert (the staff case API)
 */
@Validated
@ConfigurationProperties("complaintflow.followup.oncall")
public record OnCallSettings(URI webhookUrl, Format format, @NotNull Duration pollInterval,
		@NotNull Duration initialBackoff, @NotNull Duration maxBackoff, @NotNull Duration requestTimeout,
		String generatorUrl) {

	public OnCallSettings {
		format = (format != null) ? format : Format.ALERTMANAGER;
		generatorUrl = (generatorUrl != null) ? generatorUrl : "http://localhost:8083/api/v1/cases/";
	}

	public boolean enabled() {
		return this.webhookUrl != null && !this.webhookUrl.toString().isBlank();
	}

	/** The body format of a delivery. */
	public enum Format {

		ALERTMANAGER, EVENT

	}

}
