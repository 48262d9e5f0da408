package com.complaintflow.triage.incident;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The recent outage signals of one region in one document keyed by the region code, so
 * counting them is one lookup by {@code _id} however many the database holds.
 *
 * @param regionCode the region (the document id)
 * @param signals the signals kept, in no particular order
 * @param incidentsOpened how many incidents the region has had (null: none yet); the next
 * one's id is derived from it, so instances that open the region's next outage at once
 * open the same incident
 */
@Document("outage_regions")
record OutageRegion(@Id String regionCode, List<OutageSignal> signals, Integer incidentsOpened) {

	/** The number the region's next incident is derived from. */
	int nextIncident() {
		return (this.incidentsOpened != null) ? this.incidentsOpened : 0;
	}

}
