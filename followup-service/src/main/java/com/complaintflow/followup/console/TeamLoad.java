package com.complaintflow.followup.console;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.complaintflow.followup.cases.CaseStatus;

/**
 * One team's (work queue's) load as the supervisor sees it: working cases, escalated
 * ones, breached ones and those that breach within the hour.
 *
 * @param queue the team's work queue
 * @param working its working cases
 * @param escalated cases escalated at least once
 * @param breached cases with a breached milestone still open
 * @param dueWithinHour cases whose next deadline is within the hour
 */
public record TeamLoad(String queue, int working, int escalated, int breached, int dueWithinHour) {

	/** One row per queue, by queue name. */
	static List<TeamLoad> of(Stream<QueueItem> items) {
		Map<String, int[]> counts = new TreeMap<>();
		items.forEach((item) -> {
			int[] c = counts.computeIfAbsent(String.valueOf(item.view().queue()), (q) -> new int[4]);
			c[0]++;
			if (escalated(item)) {
				c[1]++;
			}
			if (item.breached()) {
				c[2]++;
			}
			if (item.left() != null && !item.left().isNegative() && item.left().toMinutes() < 60) {
				c[3]++;
			}
		});
		return counts.entrySet()
			.stream()
			.map((e) -> new TeamLoad(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.toList();
	}

	static boolean escalated(QueueItem item) {
		return item.view().status() == CaseStatus.ESCALATED || item.view().escalations() > 0;
	}

}
