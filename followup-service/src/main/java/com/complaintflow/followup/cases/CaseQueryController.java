package com.complaintflow.followup.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads cases: the filtered list (a plain JSON array, no contact) and one case with
 * everything an agent needs, contact included for those allowed (audited).
 */
@Tag(name = "cases", description = "Reading cases and their milestones")
@RestController
@RequestMapping("/api/v1/cases")
class CaseQueryController {

	private static final int MAX_LIMIT = 500;

	private final CaseStore store;

	private final MilestoneClock milestones;

	private final CaseViews views;

	private final Clock clock;

	CaseQueryController(CaseStore store, MilestoneClock milestones, CaseViews views, Clock clock) {
		this.store = store;
		this.milestones = milestones;
		this.views = views;
		this.clock = clock;
	}

	@Operation(summary = "Find cases",
			description = "Filtered by complaint, status, queue or due time; at most limit (1-500) cases. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@GetMapping
	List<CaseView> list(@RequestParam(required = false) String complaintId,
			@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String queue,
			@RequestParam(required = false) Instant dueBefore,
			@Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500",
					defaultValue = "100")) @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"limit must be between 1 and " + MAX_LIMIT);
		}
		Instant now = this.clock.instant();
		return this.store.search(new CaseFilter(status, queue, complaintId, dueBefore, limit))
			.stream()
			.map((c) -> CaseView.listed(c, this.milestones, now))
			.toList();
	}

	@Operation(summary = "Read one case",
			description = "The case with its milestones and timeline. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@GetMapping("/{caseId}")
	CaseView one(@PathVariable String caseId, Authentication auth) {
		FollowupCase followupCase = this.store.findById(caseId).orElseThrow(() -> CaseNotFoundException.caseId(caseId));
		return this.views.render(followupCase, auth, "GET /api/v1/cases/{caseId}");
	}

}
