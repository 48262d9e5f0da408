package com.complaintflow.followup.timer;

import java.time.Instant;
import java.util.List;

/**
 * One second of the timer index: the cases with a reminder due in it, and how many writes
 * it has seen ({@code n}, so a bucket is only removed if nothing was added since it was
 * checked).
 *
 * @param second the due second (epoch seconds), the document's {@code _id}
 * @param writes the number of additions so far
 * @param caseIds the cases indexed in this second
 */
public record TimerBucket(long second, long writes, List<String> caseIds) {

	/** The first instant after this bucket. */
	public Instant end() {
		return Instant.ofEpochSecond(this.second + 1);
	}

}
