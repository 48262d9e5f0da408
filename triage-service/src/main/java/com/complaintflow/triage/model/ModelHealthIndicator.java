package com.complaintflow.triage.model;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Says in the health details whether each language is decided by rules and model or by
 * the rules alone (a missing or rejected model degrades triage, it does not stop it, so
 * the status stays UP).
 */
@Component
class ModelHealthIndicator extends AbstractHealthIndicator {

	private final ModelRegistry registry;

	ModelHealthIndicator(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		for (ModelRegistry.ModelStatus status : this.registry.status()) {
			String mode = "loaded".equals(status.state()) ? "rules and model " + status.version() : "rules only";
			builder.withDetail(status.language().name(), mode);
			if (status.problem() != null) {
				builder.withDetail(status.language().name() + ".problem", status.problem());
			}
		}
	}

}
