package com.complaintflow.analytics.rollup;

/**
 * The two cuts every bucket is stored in: {@link #MAIN} splits by channel, category,
 * persona and playbook; {@link #REGION} by region and category (hotspots and regional
 * volume). Keeping region out of the main cut keeps the buckets few.
 */
public enum View {

	MAIN, REGION;

	Dims project(Dims dims) {
		return (this == MAIN) ? dims.mainView() : dims.regionView();
	}

}
