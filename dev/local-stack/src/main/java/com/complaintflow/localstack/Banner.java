package com.complaintflow.localstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the embedded stack prints once it is healthy: where everything runs and how to try
 * it.
 */
final class Banner {

	private Banner() {
	}

	static String text(java.util.function.Function<Service, String> url, String kafka, String mongo, Path data,
			Duration startup, String mode) {
		return """

				complaint-flow is up (%s, healthy in %d s). Data: %s (delete it to start afresh)
				  intake     %s   POST /api/v1/complaints   (header X-Api-Key)
				  triage     %s   GET  /api/v1/triage/decisions/{complaintId}
				  followup   %s   GET  /api/v1/cases, staff console at /console
				  analytics  %s   GET  /api/v1/analytics/summary, dashboard at /dashboard
				  Kafka      %s      MongoDB %s
				Development API keys (local profile only): hotline-dev-key, store-dev-key, app-dev-key
				Development staff accounts: agent/agent-dev, supervisor/supervisor-dev, ops/ops-dev
				Try it:
				  curl -s -X POST %s/api/v1/complaints -H 'X-Api-Key: hotline-dev-key' \\
				    -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuidgen || date +%%s%%N)" \\
				    -d '{"customer":{"id":"C-1001","tier":"GOLD"},"location":{"regionCode":"BJ-CY"},"description":"Broadband drops every 15 minutes since this morning"}'
				  curl -s -u ops:ops-dev %s/api/v1/analytics/summary
				Ctrl-C stops everything.
				"""
			.formatted(mode, startup.toSeconds(), data, url.apply(Service.INTAKE), url.apply(Service.TRIAGE),
					url.apply(Service.FOLLOWUP), url.apply(Service.ANALYTICS), kafka, mongo, url.apply(Service.INTAKE),
					url.apply(Service.ANALYTICS));
	}

}
