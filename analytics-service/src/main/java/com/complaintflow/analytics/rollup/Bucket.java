package com.complaintflow.analytics.rollup;

import java.time.Instant;

/**
 * One rollup bucket: a view, a period (an hour or a day) and dimensions with their
 * measures.
 *
 * @param view the cut
 * @param period the start of the hour or day
 * @param dims the dimensions, {@link Dims#ANY} where the view does not split
 * @param counters the measures
 */
public record Bucket(View view, Instant period, Dims dims, Counters counters) {

}
