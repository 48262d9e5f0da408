package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;

/**
 * A validated case search; null and empty mean any.
 *
 * @param customerId the customer
 * @param complaintId the complaint
 * @param region the region code
 * @param category the category
 * @param statuses any of these statuses
 * @param team the owning team (queue)
 * @param agent the owning agent
 * @param unassigned only cases no agent owns
 * @param terms search terms that must all occur ({@link SearchTerms})
 * @param openedFrom opened at or after
 * @param openedTo opened before
 * @param updatedSince changed at or after
 * @param sort {@code due}, {@code newest} or {@code oldest}
 * @param page the page, 0-based
 * @param size the page size
 */
public record CaseQuery(String customerId, String complaintId, String region, Category category,
		List<CaseStatus> statuses, String team, String agent, boolean unassigned, List<String> terms,
		Instant openedFrom, Instant openedTo, Instant updatedSince, String sort, int page, int size) {

}
