package com.complaintflow.triage.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Language;
import com.complaintflow.support.security.Roles;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' review list: the decisions of a time range triage was least sure of on
 * one field, not corrected or confirmed yet: the decisions most often wrong; each one
 * corrected or confirmed becomes a labelled example for the next training. Followup's
 * console shows it to a supervisor it names ({@link StaffMember}).
 */
@Tag(name = "corrections", description = "Staff corrections of triage decisions")
@RestController
@RequestMapping("/api/v1/triage")
class ReviewController {

	private static final int MAX_LIMIT = 200;

	private static final Duration DEFAULT_RANGE = Duration.ofDays(1);

	private static final Duration MAX_RANGE = Duration.ofDays(31);

	private final LeastSureDecisions decisions;

	ReviewController(LeastSureDecisions decisions) {
		this.decisions = decisions;
	}

	@Operation(summary = "The decisions to check",
			description = "The decisions received in [from, to) (default: the last 24 hours; at most 31 days) whose field triage was least sure of, "
					+ "least sure first, without those whose field a staff member corrected or confirmed already; each with the value decided, its source, "
					+ "its confidence, the complaint's words and the decision's explanation (signals). Correct a wrong one with POST /decisions/{complaintId}/corrections, confirm a right one "
					+ "with POST /decisions/{complaintId}/confirmations: either way it becomes a labelled example. Roles: SUPERVISOR, CONSOLE. "
					+ "CONSOLE is followup's console account, asking for the supervisor named in Staff-Login and Staff-Role (403 for another role).")
	@GetMapping(path = "/review", produces = MediaType.APPLICATION_JSON_VALUE)
	List<DecisionToCheck> review(
			@Parameter(description = "The field to check", schema = @Schema(type = "string",
					allowableValues = { "category", "persona", "playbook", "churnRisk" })) @RequestParam String field,
			@RequestParam(required = false) Language language, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @Parameter(schema = @Schema(type = "integer", minimum = "1",
					maximum = "200", defaultValue = "20")) @RequestParam(defaultValue = "20") int limit,
			StaffMember staff) {
		if (!Roles.SUPERVISOR.equals(staff.role())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
					"The review list is for supervisors: the console asks for it for a SUPERVISOR only");
		}
		if (!DecisionCorrected.FIELDS.containsKey(field)) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"field must be one of " + DecisionCorrected.FIELDS.keySet());
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"limit must be between 1 and " + MAX_LIMIT);
		}
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(DEFAULT_RANGE);
		if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"from must be before to, at most 31 days apart");
		}
		return this.decisions.find(field, language, start, end, limit);
	}

}
