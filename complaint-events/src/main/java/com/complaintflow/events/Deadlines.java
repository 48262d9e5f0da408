package com.complaintflow.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadlines promised to the customer; the follow-up service turns them into
 * milestones.
 *
 * @param firstResponseBy a first response is due by then (24 hours by default)
 * @param engineerContactBy an engineer contacts the customer by then (network faults), or
 * null
 * @param promisedAnswerBy the answer or fix promised to the customer, or null
 * @param progressUpdateEvery interval of progress updates while the case is open, or null
 * @param callbackWithin the callback after resolution is due within this time
 */
public record Deadlines(Instant firstResponseBy, Instant engineerContactBy, Instant promisedAnswerBy,
		Duration progressUpdateEvery, Duration callbackWithin) {

	public Deadlines {
		Required.field(firstResponseBy, "deadlines.firstResponseBy");
		Required.field(callbackWithin, "deadlines.callbackWithin");
	}

}
