package com.complaintflow.analytics.rollup;

/**
 * The period length of a rollup collection.
 */
enum Grain {

	HOUR("rollup_hourly"), DAY("rollup_daily");

	private final String collection;

	Grain(String collection) {
		this.collection = collection;
	}

	String collection() {
		return this.collection;
	}

}
