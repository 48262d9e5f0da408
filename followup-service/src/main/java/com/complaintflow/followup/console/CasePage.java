package com.complaintflow.followup.console;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.complaintflow.events.Outcome;
import com.complaintflow.followup.cases.CaseActions;
import com.complaintflow.followup.cases.CaseActions.Actor;
import com.complaintflow.followup.cases.CaseException;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.CaseView;
import com.complaintflow.followup.cases.CaseViews;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.followup.cases.WorkspaceActions;
import com.complaintflow.followup.deadline.MilestoneClock;
import com.complaintflow.support.security.Roles;
import com.complaintflow.support.security.StaffDelegation;
import com.complaintflow.support.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One case as an agent works it: the customer's words and contact, triage's reading,
 * owner, checklist, remedies, milestones, notes and timeline, and a form for each action
 * of the case API (and, for agents and supervisors, the forms that correct triage's
 * reading: {@link TriageCorrectionForm}). The forms call the same {@link CaseActions} and
 * {@link WorkspaceActions} as the API (one source of the rules); each carries an
 * idempotency key made when the page was drawn, so a form sent twice acts once. What an
 * action changes reaches the open pages through its event, on every instance
 * ({@link CaseChangeListener}). Contact is shown once per page load, through
 * {@link CaseViews} (audited); the parts reloaded live carry none.
 */
@Controller
@RequestMapping("/console/cases/{caseId}")
class CasePage {

	/** What the contact-read audit records as the endpoint of a console page view. */
	static final String AUDITED_AS = "GET /console/cases/{caseId}";

	/**
	 * After an action, the case page again: the case id is filled in (encoded) from the
	 * request's path, never pasted into the view name, where a brace would be read as a
	 * template variable.
	 */
	private static final String BACK = "redirect:/console/cases/{caseId}";

	private final CaseStore store;

	private final CaseActions actions;

	private final WorkspaceActions workspace;

	private final CaseViews views;

	private final MilestoneClock milestones;

	private final Clock clock;

	private final TriageCorrections triage;

	private final TriageChecks checks;

	CasePage(CaseStore store, CaseActions actions, WorkspaceActions workspace, CaseViews views,
			MilestoneClock milestones, Clock clock, TriageCorrections triage, TriageChecks checks) {
		this.store = store;
		this.actions = actions;
		this.workspace = workspace;
		this.views = views;
		this.milestones = milestones;
		this.clock = clock;
		this.triage = triage;
		this.checks = checks;
	}

	@GetMapping
	String page(@PathVariable String caseId, Authentication auth, Model model,
			@RequestHeader(name = "Sec-Fetch-Site", required = false) String fetchSite) {
		if ("cross-site".equalsIgnoreCase(fetchSite)) {
			// a link or form of another site: the session cookie (SameSite=Lax) comes
			// along with a top-level navigation, so nothing is read until the staff
			// member opens the case from the console's own page
			model.addAttribute("caseId", caseId);
			return "console/open-case";
		}
		FollowupCase found = fill(caseId, auth, model);
		CaseView full = this.views.render(found, auth, AUDITED_AS);
		model.addAttribute("full", full);
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("triageReasons", TriageReason.of(full));
		model.addAttribute("recognised", TriageReason.recognised(full.triage()));
		boolean correctsTriage = this.triage.enabled() && Roles.heldBy(auth, Roles.AGENT, Roles.SUPERVISOR);
		List<TriageField> triageFields = correctsTriage ? TriageField.of(full, this.checks::of) : List.of();
		model.addAttribute("triageFields", triageFields);
		model.addAttribute("unsureFields", TriageField.unsure(triageFields));
		return "console/case";
	}

	/** The case's state, owner and checklist, reloaded when the case changes. */
	@GetMapping("/summary")
	String summary(@PathVariable String caseId, Authentication auth, Model model) {
		fill(caseId, auth, model);
		return "console/case :: summary";
	}

	/** The case's milestones, notes and timeline, reloaded when the case changes. */
	@GetMapping("/history")
	String history(@PathVariable String caseId, Authentication auth, Model model) {
		fill(caseId, auth, model);
		return "console/case :: history";
	}

	@PostMapping("/{action}")
	String act(@PathVariable String caseId, @PathVariable String action, @Valid @ModelAttribute ActionForm form,
			BindingResult binding, Authentication auth, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("error", "console.error.invalid");
			return BACK;
		}
		Actor actor = Actor.of(auth);
		String key = "console-" + action + "-" + form.key();
		try {
			switch (action) {
				case "contact" -> this.actions.contact(caseId, actor, key, form.note());
				case "progress" -> this.actions.progress(caseId, actor, key, required(form.message()));
				case "wait-on-customer" -> this.actions.waitOnCustomer(caseId, actor, key, form.note());
				case "resume" -> this.actions.resume(caseId, actor, key);
				case "offer" -> this.actions.offer(caseId, actor, key, null);
				case "choose" -> this.actions.choose(caseId, actor, key, required(form.option()), form.offer());
				case "resolve" -> this.actions.resolve(caseId, actor, key, required(form.resolution()));
				case "callback" -> this.actions.callback(caseId, actor, key, required(form.satisfaction()),
						Boolean.TRUE.equals(form.problemResolved()));
				case "close" -> this.actions.close(caseId, actor, key, required(form.outcome()));
				case "claim" -> this.workspace.claim(caseId, actor, key);
				case "release" -> this.workspace.release(caseId, actor, key);
				case "transfer" -> this.workspace.transfer(caseId, actor, key, blankToNull(form.team()),
						blankToNull(form.agent()), required(form.reason()));
				case "assign" ->
					this.workspace.assign(caseId, actor, key, blankToNull(form.team()), blankToNull(form.agent()));
				case "note" -> this.workspace.note(caseId, actor, key, required(form.text()));
				case "tick" -> {
					boolean done = Boolean.TRUE.equals(form.done());
					int step = required(form.step());
					this.workspace.tick(caseId, actor, key + "-" + step + "-" + done, step, done);
				}
				default -> throw new ProblemException(HttpStatus.NOT_FOUND, "No such action", "No action " + action);
			}
			redirect.addFlashAttribute("done", "console.done." + action);
		}
		catch (CaseException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("problem", ex.getProblem().getDetail());
		}
		return BACK;
	}

	private FollowupCase fill(String caseId, Authentication auth, Model model) {
		FollowupCase found = this.store.findById(caseId)
			.orElseThrow(
					() -> new ProblemException(HttpStatus.NOT_FOUND, "Case not found", "No case with id " + caseId));
		CaseView view = CaseView.of(found, this.milestones, this.clock.instant());
		model.addAttribute("c", view);
		model.addAttribute("item", QueueItem.of(view, this.clock.instant()));
		model.addAttribute("formKey", UUID.randomUUID().toString());
		model.addAttribute("mine", auth.getName().equals(view.owner().agent()));
		model.addAttribute("supervisor", Actor.of(auth).supervisor());
		return found;
	}

	private static <T> T required(T value) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "A required field is empty.");
		}
		return value;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * The fields of the case page's forms; each action reads the ones it needs.
	 *
	 * @param key the idempotency key of the page's forms
	 * @param note a note (contact, waiting)
	 * @param message a progress update
	 * @param option the chosen remedy, 0-based
	 * @param offer the number of the offer the remedy was chosen from
	 * @param resolution what fixed the problem
	 * @param satisfaction the callback's rating, 1 to 5
	 * @param problemResolved whether the problem is gone
	 * @param outcome the retention outcome
	 * @param team the team to transfer or assign to
	 * @param agent the agent to transfer or assign to
	 * @param reason why the case is transferred
	 * @param text a staff note
	 * @param step the checklist step, 0-based
	 * @param done whether the step is done
	 */
	record ActionForm(@NotBlank @Size(max = 100) String key, @Size(max = 2000) String note,
			@Size(max = 2000) String message, @Min(0) Integer option, @Min(0) Integer offer,
			@Size(max = 2000) String resolution, @Min(1) @Max(5) Integer satisfaction, Boolean problemResolved,
			Outcome outcome, @Pattern(regexp = STAFF_NAME) String team, @Pattern(regexp = STAFF_NAME) String agent,
			@Size(max = 500) String reason, @Size(max = 2000) String text, @Min(0) Integer step, Boolean done) {

		/** A team or agent name as the case API accepts it, or empty. */
		static final String STAFF_NAME = "^$|^" + StaffDelegation.LOGIN_PATTERN + "$";

	}

}
