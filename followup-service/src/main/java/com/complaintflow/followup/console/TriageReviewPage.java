package com.complaintflow.followup.console;

import java.util.List;

import com.complaintflow.events.Language;
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
 * The supervisors' review of triage: the decisions of the last 24 hours triage was least
 * sure of on one field (triage's review list), each with the complaint's words and the
 * forms to confirm or correct it; each one checked leaves the list and becomes a labelled
 * example for the next models.
 */
@Controller
@RequestMapping("/console/triage-review")
class TriageReviewPage {

	/** The fields in the order the page offers them. */
	static final List<String> FIELDS = List.of("category", "playbook", "persona", "churnRisk");

	/** A complaint id as intake makes them ({@code CMP-} and a UUID), or like them. */
	private static final String COMPLAINT_ID = "[A-Za-z0-9._:-]{1,100}";

	private final TriageCorrections triage;

	TriageReviewPage(TriageCorrections triage) {
		this.triage = triage;
	}

	@GetMapping
	String page(@RequestParam(required = false) String field, @RequestParam(required = false) String language,
			Authentication auth, Model model) {
		String shown = shown(field);
		Language only = language(language);
		model.addAttribute("fields", FIELDS);
		model.addAttribute("field", shown);
		model.addAttribute("language", (only != null) ? only.name() : null);
		model.addAttribute("values", TriageField.values(shown));
		model.addAttribute("review", this.triage.enabled() ? this.triage.toCheck(shown, only, Actor.of(auth)) : null);
		return "console/triage-review";
	}

	@PostMapping
	String send(@RequestParam(required = false) String complaintId, @RequestParam(required = false) String language,
			@Valid @ModelAttribute TriageVerdict form, BindingResult binding, Authentication auth,
			RedirectAttributes redirect) {
		if (binding.hasErrors() || !form.valid() || complaintId == null || !complaintId.matches(COMPLAINT_ID)
				|| !this.triage.enabled()) {
			redirect.addFlashAttribute("error", "console.error.invalid");
		}
		else {
			form.report(this.triage.send(complaintId, form.field(), form.sent(), Actor.of(auth)), redirect);
		}
		redirect.addAttribute("field", shown(form.field()));
		Language only = language(language);
		if (only != null) {
			redirect.addAttribute("language", only.name());
		}
		return "redirect:/console/triage-review";
	}

	/** The field asked for, or the first when it names none of them. */
	private static String shown(String field) {
		return (field != null && FIELDS.contains(field)) ? field : FIELDS.get(0);
	}

	private static Language language(String name) {
		for (Language language : Language.values()) {
			if (language.name().equals(name)) {
				return language;
			}
		}
		return null;
	}

}
