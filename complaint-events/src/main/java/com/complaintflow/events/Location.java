package com.complaintflow.events;

/**
 * Where the problem happened (the Where of 5W1H); the region code is what outage
 * detection and hotspots group by.
 */
public record Location(String regionCode, String address) {

	public Location {
		Required.field(regionCode, "location.regionCode");
	}

	@Override
	public String toString() {
		return "Location[regionCode=" + this.regionCode + "]";
	}

}
