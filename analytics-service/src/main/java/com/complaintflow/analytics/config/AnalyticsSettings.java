package com.complaintflow.analytics.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analytics service, validated at start-up.
 *
 * @param metricsInterval how often gauges and pipeline health refresh
 * @param lagGroups consumer groups whose lag is exported
 * @param hotspots how hotspots are found
 */
@Validated
@ConfigurationProperties("complaintflow.analytics")
public record AnalyticsSettings(@DefaultValue("15s") @NotNull Duration metricsInterval, @DefaultValue( {
		"intake", "triage", "followup", "analytics" }) List<String> lagGroups, @DefaultValue @Valid Hotspots hotspots){

	/**
	 * How a region and category becomes a hotspot: its volume in the last window against
	 * the average of the windows before.
	 *
	 * @param window the window compared (24 hours by default)
	 * @param baselineWindows how many earlier windows make the baseline
	 * @param minGrowth the growth factor from which a pair is a hotspot
	 * @param minVolume the volume in the window below which a pair is never a hotspot
	 * @param exported how many top hotspots are exported as metrics (bounds the labels)
	 */
	public record Hotspots(@DefaultValue("24h") @NotNull Duration window,
			@DefaultValue("7") @Min(1) int baselineWindows, @DefaultValue("2.0") @DecimalMin("1.0") double minGrowth,
			@DefaultValue("5") @Min(1) int minVolume, @DefaultValue("10") @Min(0) int exported) {

	}

}
