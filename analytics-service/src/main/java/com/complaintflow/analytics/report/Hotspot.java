package com.complaintflow.analytics.report;

import java.time.Instant;

/**
 * A region and category whose complaint volume jumped against its own trailing baseline.
 *
 * @param region the region code
 * @param category the category
 * @param from the start of the window counted (so its complaints can be listed)
 * @param to the end of the window counted
 * @param current complaints received in the last window
 * @param baseline average complaints per window over the windows before
 * @param growthFactor current over baseline (a baseline below one counts as one)
 */
public record Hotspot(String region, String category, Instant from, Instant to, long current, double baseline,
		double growthFactor) {

}
