package com.complaintflow.analytics.stream;

/**
 * The topics the Streams application writes for the read model, named after its
 * application id (like its internal topics), so an application started afresh under
 * another id (a replay) never reads the old one's output.
 *
 * @param rollups bucket key to the bucket's measures (compacted: the latest value is the
 * bucket)
 * @param timelines complaint id to the complaint's events (compacted)
 */
public record AnalyticsTopics(String rollups, String timelines) {

	static AnalyticsTopics of(String applicationId) {
		return new AnalyticsTopics(applicationId + ".rollups", applicationId + ".timelines");
	}

}
