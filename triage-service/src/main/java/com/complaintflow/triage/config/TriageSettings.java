package com.complaintflow.triage.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the triage service.
 *
 * @param rulesFile a rules file on disk that overrides the bundled rules and is watched
 * for changes; empty for the bundled rules only
 * @param rulesCheckInterval how often the rules file (and the model directory) is checked
 * for changes
 * @param modelDir a directory holding {@code triage-model-en.bin.gz} and
 * {@code triage-model-zh.bin.gz} that overrides the bundled models and is watched; empty
 * for the bundled models
 * @param outage outage detection
 */
@Validated
@ConfigurationProperties("complaintflow.triage")
public record TriageSettings(String rulesFile, @NotNull @DefaultValue("5s") Duration rulesCheckInterval,
		String modelDir, @Valid @NotNull @DefaultValue Outage outage) {

	/** Whether a model directory on disk is configured. */
	public boolean hasModelDir() {
		return this.modelDir != null && !this.modelDir.isBlank();
	}

	/** Whether a rules file on disk is configured. */
	public boolean hasRulesFile() {
		return this.rulesFile != null && !this.rulesFile.isBlank();
	}

	/**
	 * Outage detection: {@code threshold} network or emergency complaints from one region
	 * within {@code window} open an incident; it stays open while complaints keep coming
	 * within {@code quietPeriod} of the last one.
	 *
	 * @param threshold complaints that make an outage
	 * @param window the time window they must fall in
	 * @param quietPeriod how long after the last member an incident takes new members
	 */
	public record Outage(@Min(2) @DefaultValue("5") int threshold, @NotNull @DefaultValue("10m") Duration window,
			@NotNull @DefaultValue("60m") Duration quietPeriod) {

		/**
		 * The quiet period is at least the window: a complaint that joined an incident
		 * could then never count towards another's threshold, so it is recorded as a
		 * member only (docs/triage.md, Outage detection).
		 */
		public Outage {
			if (window != null && quietPeriod != null && quietPeriod.compareTo(window) < 0) {
				throw new IllegalArgumentException("complaintflow.triage.outage.quiet-period (" + quietPeriod
						+ ") must not be shorter than window (" + window + ")");
			}
		}

	}

}
