package com.complaintflow.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.complaintflow.analytics.config.AnalyticsSettings;
import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.rollup.Bucket;
import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.RollupStore;
import com.complaintflow.analytics.rollup.View;

import org.springframework.stereotype.Component;

/**
 * Finds hotspots: region and category pairs whose volume in the last window is at least
 * {@code min-growth} times their average over the trailing windows, with at least
 * {@code min-volume} complaints ("broadband in area X fails often").
 */
@Component
public class HotspotFinder {

	private final RollupStore store;

	private final AnalyticsSettings.Hotspots settings;

	HotspotFinder(RollupStore store, AnalyticsSettings settings) {
		this.store = store;
		this.settings = settings.hotspots();
	}

	/** The hotspots of the window ending at the given instant, biggest growth first. */
	public List<Hotspot> find(Instant at) {
		Instant end = Hours.ceilHour(at);
		Duration window = this.settings.window();
		Instant windowStart = end.minus(window);
		Instant baselineStart = windowStart.minus(window.multipliedBy(this.settings.baselineWindows()));
		Map<String, Long> current = volumes(this.store.readBuckets(windowStart, end, HotspotFinder::regional));
		Map<String, Long> before = volumes(this.store.readBuckets(baselineStart, windowStart, HotspotFinder::regional));
		List<Hotspot> hotspots = new ArrayList<>();
		current.forEach((key, volume) -> {
			double baseline = (double) before.getOrDefault(key, 0L) / this.settings.baselineWindows();
			double growth = volume / Math.max(baseline, 1.0);
			if (volume >= this.settings.minVolume() && growth >= this.settings.minGrowth()) {
				String[] parts = key.split("\\|", 2);
				hotspots.add(new Hotspot(parts[0], parts[1], windowStart, end, volume,
						Math.round(baseline * 100) / 100.0, Math.round(growth * 100) / 100.0));
			}
		});
		hotspots.sort(Comparator.comparingDouble(Hotspot::growthFactor).reversed().thenComparing(Hotspot::region));
		return hotspots;
	}

	private static boolean regional(View view, Dims dims) {
		return view == View.REGION;
	}

	private static Map<String, Long> volumes(List<Bucket> buckets) {
		Map<String, Long> volumes = new TreeMap<>();
		for (Bucket bucket : buckets) {
			Dims dims = bucket.dims();
			long received = bucket.counters().get("received");
			// Untriaged complaints have no category yet; they join their pair once
			// triaged.
			if (received > 0 && !Dims.UNKNOWN.equals(dims.category())) {
				volumes.merge(dims.region() + "|" + dims.category(), received, Long::sum);
			}
		}
		return volumes;
	}

}
