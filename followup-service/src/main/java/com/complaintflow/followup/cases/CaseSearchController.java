package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.Category;
import com.complaintflow.events.ChurnRisk;
import com.complaintflow.events.Channel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Playbook;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ValueTier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches cases for the queue and the workspace: by customer, complaint, region,
 * category, status, owner, words of the complaint and opened range, ordered by the
 * earliest open deadline (or by opening time), one bounded page at a time. Answers carry
 * no personal data.
 */
@Tag(name = "cases", description = "Reading cases and their milestones")
@RestController
@RequestMapping("/api/v1/cases/search")
class CaseSearchController {

	private final CaseStore store;

	CaseSearchController(CaseStore store) {
		this.store = store;
	}

	@Operation(summary = "Search cases, one page at a time",
			description = "By customer, complaint, region, category, status, team, agent, words of the complaint and opened range; earliest open deadline first by default; no personal data. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@GetMapping
	Page search(@Valid @ModelAttribute Filter filter) {
		CaseQuery query = filter.query();
		List<FollowupCase> found = this.store.search(query);
		return new Page(found.stream().limit(query.size()).map(CaseSummary::of).toList(), query.page(), query.size(),
				found.size() > query.size());
	}

	/**
	 * The request's filters, validated; null means any.
	 *
	 * @param customerId the customer
	 * @param complaintId the complaint
	 * @param region the region code
	 * @param category the category
	 * @param status any of these statuses
	 * @param team the owning team (queue)
	 * @param agent the owning agent
	 * @param unassigned only cases no agent owns
	 * @param q words of the complaint, every one must occur
	 * @param openedFrom opened at or after
	 * @param openedTo opened before
	 * @param updatedSince changed at or after
	 * @param sort {@code due}, {@code newest} or {@code oldest}
	 * @param page the page, 0-based
	 * @param size the page size
	 */
	record Filter(@Size(max = 64) String customerId, @Size(max = 64) String complaintId, @Size(max = 32) String region,
			Category category, @Size(max = 7) List<CaseStatus> status, @Size(max = 64) String team,
			@Size(max = 64) String agent, Boolean unassigned, @Size(max = 200) String q, Instant openedFrom,
			Instant openedTo, Instant updatedSince, @Pattern(regexp = "due|newest|oldest") String sort,
			@Min(0) @Max(1000) Integer page, @Min(1) @Max(100) Integer size) {

		@AssertTrue(message = "at most " + SearchTerms.MAX_QUERIED + " words")
		boolean isFewWords() {
			return this.q == null || this.q.length() > 200
					|| SearchTerms.query(this.q).size() <= SearchTerms.MAX_QUERIED;
		}

		@AssertTrue(message = "openedFrom must be before openedTo")
		boolean isOpenedRange() {
			return this.openedFrom == null || this.openedTo == null || this.openedFrom.isBefore(this.openedTo);
		}

		CaseQuery query() {
			List<String> terms = (this.q != null) ? SearchTerms.query(this.q) : List.of();
			return new CaseQuery(this.customerId, this.complaintId, this.region, this.category,
					(this.status != null) ? this.status : List.of(), this.team, this.agent,
					Boolean.TRUE.equals(this.unassigned), terms, this.openedFrom, this.openedTo, this.updatedSince,
					(this.sort != null) ? this.sort : "due", (this.page != null) ? this.page : 0,
					(this.size != null) ? this.size : 25);
		}

	}

	/**
	 * One page of cases.
	 *
	 * @param items the cases
	 * @param page the page, 0-based
	 * @param size the page size
	 * @param hasMore whether another page follows
	 */
	record Page(List<CaseSummary> items, int page, int size, boolean hasMore) {

	}

	/** A case in a queue or search result: no personal data. */
	record CaseSummary(String caseId, CaseKind kind, String complaintId, String customerId, CaseStatus status,
			Category category, Priority priority, String regionCode, ValueTier customerTier, Playbook playbook,
			Channel channel, ChurnRisk churnRisk, CaseView.OwnerView owner, Instant openedAt, Instant updatedAt,
			Instant nextDueAt, MilestoneKind nextDueMilestone, boolean breached, int escalations,
			Instant waitingSince) {

		static CaseSummary of(FollowupCase c) {
			boolean breached = c.getMilestones().stream().anyMatch((m) -> m.isActive() && m.getBreachedAt() != null);
			return new CaseSummary(c.getId(), c.getKind(), c.getComplaintId(), c.getCustomerId(), c.getStatus(),
					c.getCategory(), c.getPriority(), c.getRegionCode(), c.getCustomerTier(), c.getPlaybook(),
					c.getChannel(), (c.getTriage() != null) ? c.getTriage().churnRisk() : null,
					CaseView.OwnerView.of(c), c.getOpenedAt(), c.getUpdatedAt(), c.getNextDueAt(),
					c.getNextDueMilestone(), breached, c.getEscalations(), c.getWaitingSince());
		}

	}

}
