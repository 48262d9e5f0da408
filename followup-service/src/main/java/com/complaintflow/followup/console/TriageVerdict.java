package com.complaintflow.followup.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A staff member's verdict on one field of a triage decision, as a console form sends it:
 * right (confirm) or wrong, to be corrected to the value chosen.
 *
 * @param field category, persona, playbook or churnRisk
 * @param value the value chosen (read only to correct)
 * @param verdict {@code correct} or {@code confirm}
 */
record TriageVerdict(@NotBlank @Size(max = 20) String field, @Size(max = 40) String value,
		@NotBlank @Pattern(regexp = "correct|confirm") String verdict) {

	boolean confirms() {
		return "confirm".equals(this.verdict);
	}

	/** The value to send: the one chosen to correct, none to confirm. */
	String sent() {
		return confirms() ? null : this.value;
	}

	/** Whether the field is one staff correct and, to correct, the value one of its. */
	boolean valid() {
		return (confirms() || this.value != null) && TriageField.allows(this.field, sent());
	}

	/** Puts what became of it on the page drawn next, as its status line. */
	void report(TriageCorrections.Outcome outcome, RedirectAttributes redirect) {
		if (outcome == TriageCorrections.Outcome.RECORDED) {
			redirect.addFlashAttribute("done",
					confirms() ? "console.done.triageConfirmed" : "console.done.triageCorrected");
		}
		else {
			redirect.addFlashAttribute("error", "console.error.triage." + outcome.name());
		}
	}

}
