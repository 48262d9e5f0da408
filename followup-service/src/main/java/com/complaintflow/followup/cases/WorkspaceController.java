package com.complaintflow.followup.cases;

import com.complaintflow.support.security.StaffDelegation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace actions on one case: claim, release, assign (supervisors), transfer,
 * notes and checklist ticks. Idempotent like every action: under the
 * {@code Idempotency-Key} header, else a repeat of the case's most recent identical
 * request is its retry.
 */
@Tag(name = "case workspace", description = "Ownership, notes and checklist of one case, each idempotent")
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
class WorkspaceController {

	private static final String KEY_HEADER = "Idempotency-Key";

	/**
	 * Staff ids and team names: what the security users and triage's queues look like.
	 */
	static final String NAME = StaffDelegation.LOGIN_PATTERN;

	private final WorkspaceActions actions;

	private final CaseViews views;

	WorkspaceController(WorkspaceActions actions, CaseViews views) {
		this.actions = actions;
		this.views = views;
	}

	@Operation(summary = "Claim the case from its team's queue",
			description = "The caller becomes the owning agent; 409 when another agent owns it. Roles: AGENT, SUPERVISOR.")
	@PostMapping("/claim")
	CaseView claim(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			Authentication auth) {
		return view(
				this.actions.claim(caseId, CaseActions.Actor.of(auth), ActionKeys.key(key, "claim", auth.getName())),
				auth, "/claim");
	}

	@Operation(summary = "Put the case back into its team's queue",
			description = "By the owning agent or a supervisor. Roles: AGENT, SUPERVISOR.")
	@PostMapping("/release")
	CaseView release(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			Authentication auth) {
		return view(this.actions.release(caseId, CaseActions.Actor.of(auth),
				ActionKeys.key(key, "release", auth.getName())), auth, "/release");
	}

	@Operation(summary = "Assign the case to an agent, a team or both", description = "Roles: SUPERVISOR.")
	@PostMapping("/assign")
	CaseView assign(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Owner body, Authentication auth) {
		return view(this.actions.assign(caseId, CaseActions.Actor.of(auth), ActionKeys.key(key, "assign", body),
				body.team(), body.agent()), auth, "/assign");
	}

	@Operation(summary = "Transfer the case to another agent or team",
			description = "By the owning agent (or anyone while no agent owns it) or a supervisor, with a reason. Roles: AGENT, SUPERVISOR.")
	@PostMapping("/transfer")
	CaseView transfer(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Transfer body, Authentication auth) {
		return view(this.actions.transfer(caseId, CaseActions.Actor.of(auth), ActionKeys.key(key, "transfer", body),
				body.team(), body.agent(), body.reason()), auth, "/transfer");
	}

	@Operation(summary = "Add a note",
			description = "1-2000 characters, at most 100 notes per case. Roles: AGENT, SUPERVISOR.")
	@PostMapping("/notes")
	CaseView note(@PathVariable String caseId, @RequestHeader(name = KEY_HEADER, required = false) String key,
			@RequestBody @Valid Note body, Authentication auth) {
		return view(
				this.actions.note(caseId, CaseActions.Actor.of(auth), ActionKeys.key(key, "note", body), body.text()),
				auth, "/notes");
	}

	@Operation(summary = "Tick or untick a playbook step",
			description = "Records who and when; 404 for a step the case does not have. Roles: AGENT, SUPERVISOR.")
	@PostMapping("/checklist/{index}")
	CaseView tick(@PathVariable String caseId, @PathVariable int index,
			@RequestHeader(name = KEY_HEADER, required = false) String key, @RequestBody @Valid Tick body,
			Authentication auth) {
		return view(this.actions.tick(caseId, CaseActions.Actor.of(auth), ActionKeys.key(key, "tick-" + index, body),
				index, body.done()), auth, "/checklist/{index}");
	}

	private CaseView view(FollowupCase c, Authentication auth, String action) {
		return this.views.render(c, auth, "POST /api/v1/cases/{caseId}" + action);
	}

	/** A new owner: an agent, a team, or both. */
	record Owner(@Pattern(regexp = NAME) String team, @Pattern(regexp = NAME) String agent) {

		@AssertTrue(message = "name an agent, a team or both")
		boolean isNamed() {
			return this.team != null || this.agent != null;
		}

	}

	/** A hand-over with its reason. */
	record Transfer(@Pattern(regexp = NAME) String team, @Pattern(regexp = NAME) String agent,
			@NotBlank @Size(max = 500) String reason) {

		@AssertTrue(message = "name an agent, a team or both")
		boolean isNamed() {
			return this.team != null || this.agent != null;
		}

	}

	/** A staff note. */
	record Note(@NotBlank @Size(max = 2000) String text) {

	}

	/** Tick ({@code true}) or untick ({@code false}). */
	record Tick(@NotNull Boolean done) {

	}

}
