package com.complaintflow.followup.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.complaintflow.followup.cases.CaseActions.Actor;
import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' review of triage: the decisions of the last day (or week, or 31 days)
 * triage was least sure of on one field (triage's review list), each with the complaint's
 * words and the forms to confirm or correct it; each one checked leaves the list and
 * becomes a labelled example for the next models, and the page says how many such labels
 * the models in force have not learned from yet.
 */
@Controller
@RequestMapping("/console/triage-review")
class TriageReviewPage {

	/** A complaint id as intake makes them ({@code CMP-} and a UUID), or like them. */
	private static final String COMPLAINT_ID = "[A-Za-z0-9._:-]{1,100}";

	private final TriageCorrections triage;

	private final Clock clock;

	TriageReviewPage(TriageCorrections triage, Clock clock) {
		this.triage = triage;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(required = false) String field, @RequestParam(required = false) String language,
			@RequestParam(required = false) String days, Authentication auth, Model model) {
		ReviewChoice choice = ReviewChoice.of(field, language, days);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		model.addAttribute("fields", ReviewChoice.FIELDS);
		model.addAttribute("periods", ReviewChoice.PERIODS);
		model.addAttribute("choice", choice);
		model.addAttribute("values", TriageField.values(choice.field()));
		model.addAttribute("review", this.triage.enabled() ? this.triage.toCheck(choice.field(),
				choice.chosenLanguage(), now.minus(Duration.ofDays(choice.days())), now, Actor.of(auth)) : null);
		model.addAttribute("untrained", this.triage.enabled() ? this.triage.untrained(Actor.of(auth)) : null);
		return "console/triage-review";
	}

	@PostMapping
	String send(@RequestParam(required = false) String complaintId, @RequestParam(required = false) String language,
			@RequestParam(required = false) String days, @Valid @ModelAttribute TriageVerdict form,
			BindingResult binding, Authentication auth, RedirectAttributes redirect) {
		if (binding.hasErrors() || !form.valid() || complaintId == null || !complaintId.matches(COMPLAINT_ID)
				|| !this.triage.enabled()) {
			redirect.addFlashAttribute("error", "console.error.invalid");
		}
		else {
			form.report(this.triage.send(complaintId, form.field(), form.sent(), Actor.of(auth)), redirect);
		}
		return "redirect:" + ReviewChoice.of(form.field(), language, days).link();
	}

}
