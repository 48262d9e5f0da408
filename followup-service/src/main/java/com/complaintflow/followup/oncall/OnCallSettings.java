package com.complaintflow.followup.oncall;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where breach and escalation alerts go, in which format, how failed deliveries are
 * retried and how a firing alert is kept firing.
 *
 * @param webhookUrls the receivers (every one gets every alert, as both members of an
 * Alertmanager HA pair must); when empty alerts are kept in the outbox, undelivered
 * @param format ALERTMANAGER (a {@code POST /api/v2/alerts} array, renewed while the
 * breach is open and then resolved) or EVENT (the reminder event's JSON, posted once)
 * @param pollInterval how often the outbox is read
 * @param initialBackoff the wait after the first failure, doubled after each next one,
 * with jitter
 * @param maxBackoff the longest wait between two attempts
 * @param requestTimeout how long one delivery may take
 * @param renewInterval how often a firing alert is re-posted and its breach checked
 * @param firingFor the {@code endsAt} of each post, from now: must outlast a few renewals
 * so the alert never lapses while its breach is open
 * @param generatorUrl the link put in each alert, followed by the case id: the case's
 * console page by default (a pager's browser shows it after the staff sign-in)
 * @param idlePollInterval after a poll that found nothing due, how long the next one
 * waits at most (alerts this instance raises wake it at once; those of another instance
 * are seen within this interval)
 */
@Validated
@ConfigurationProperties("complaintflow.followup.oncall")
public record OnCallSettings(List<URI> webhookUrls, Format format, @NotNull Duration pollInterval,
		@NotNull Duration initialBackoff, @NotNull Duration maxBackoff, @NotNull Duration requestTimeout,
		Duration renewInterval, Duration firingFor, String generatorUrl, Duration idlePollInterval) {

	public OnCallSettings {
		webhookUrls = (webhookUrls != null)
				? webhookUrls.stream().filter((url) -> url != null && !url.toString().isBlank()).toList() : List.of();
		format = (format != null) ? format : Format.ALERTMANAGER;
		renewInterval = (renewInterval != null) ? renewInterval : Duration.ofMinutes(1);
		firingFor = (firingFor != null) ? firingFor : Duration.ofMinutes(10);
		if (firingFor.compareTo(renewInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("complaintflow.followup.oncall.firing-for (" + firingFor
					+ ") must be at least twice renew-interval (" + renewInterval + "), or alerts lapse while firing");
		}
		idlePollInterval = (idlePollInterval != null) ? idlePollInterval : Duration.ofSeconds(5);
		generatorUrl = (generatorUrl != null) ? generatorUrl : "http://localhost:8083/console/cases/";
	}

	public boolean enabled() {
		return !this.webhookUrls.isEmpty();
	}

	/** The body format of a delivery. */
	public enum Format {

		ALERTMANAGER, EVENT

	}

}
