package com.complaintflow.followup.console;

import com.complaintflow.followup.cases.CaseActions.Actor;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.support.web.ProblemException;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's "Is triage right?" forms: an agent or supervisor corrects one field of
 * triage's decision, or confirms it, and {@link TriageCorrections} sends that to triage,
 * where it becomes a labelled example for the next models; the case itself keeps its
 * queue, playbook and deadlines.
 */
@Controller
@RequestMapping("/console/cases/{caseId}")
class TriageCorrectionForm {

	private static final String BACK = "redirect:/console/cases/{caseId}";

	private final CaseStore store;

	private final TriageCorrections corrections;

	TriageCorrectionForm(CaseStore store, TriageCorrections corrections) {
		this.store = store;
		this.corrections = corrections;
	}

	@PostMapping("/triage")
	String send(@PathVariable String caseId, @Valid @ModelAttribute TriageVerdict form, BindingResult binding,
			Authentication auth, RedirectAttributes redirect) {
		FollowupCase found = this.store.findById(caseId)
			.orElseThrow(
					() -> new ProblemException(HttpStatus.NOT_FOUND, "Case not found", "No case with id " + caseId));
		if (binding.hasErrors() || !form.valid() || found.getComplaintId() == null || !this.corrections.enabled()) {
			redirect.addFlashAttribute("error", "console.error.invalid");
			return BACK;
		}
		form.report(this.corrections.send(found.getComplaintId(), form.field(), form.sent(), Actor.of(auth)), redirect);
		return BACK;
	}

}
