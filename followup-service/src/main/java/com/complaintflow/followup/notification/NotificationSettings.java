package com.complaintflow.followup.notification;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where customer notices go and how their delivery is retried.
 *
 * @param gatewayUrl the SMS/push gateway's webhook; when absent, notices are kept in the
 * outbox, undelivered
 * @param pollInterval how often the outbox is read
 * @param initialBackoff the wait after the first failed post, doubled after each next
 * one, with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param requestTimeout how long one post may take
 * @param zone the time zone the promised times are written in
 * @param hotline the number a customer calls to reach the engineer on their case
 * @param idlePollInterval after a poll that found nothing due, how long the next one
 * waits at most (notices this instance keeps wake it at once; those of another instance
 * are seen within this interval)
 */
@Validated
@ConfigurationProperties("complaintflow.followup.notifications")
public record NotificationSettings(URI gatewayUrl, @NotNull Duration pollInterval, @NotNull Duration initialBackoff,
		@NotNull Duration maxBackoff, @NotNull Duration requestTimeout, @NotNull ZoneId zone, @NotNull String hotline,
		Duration idlePollInterval) {

	public NotificationSettings {
		idlePollInterval = (idlePollInterval != null) ? idlePollInterval : Duration.ofSeconds(5);
		gatewayUrl = (gatewayUrl == null || gatewayUrl.toString().isBlank()) ? null : gatewayUrl;
	}

	public boolean enabled() {
		return this.gatewayUrl != null;
	}

}
