package com.complaintflow.triage.rules;

import com.complaintflow.support.web.ProblemException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows which rules are in force and re-reads the rules file on demand (supervisors and
 * operations).
 */
@Tag(name = "rules", description = "The triage rules in force")
@RestController
@RequestMapping("/api/v1/triage/rules")
class RulesController {

	private final RulesRegistry registry;

	RulesController(RulesRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Show the rules in force", description = "Roles: SUPERVISOR, OPERATIONS.")
	@GetMapping
	RulesRegistry.RulesStatus status() {
		return this.registry.status();
	}

	@Operation(summary = "Re-read the rules file",
			description = "A rejected file answers 422 and the rules in force stay. Roles: SUPERVISOR, OPERATIONS.")
	@PostMapping("/reload")
	RulesRegistry.RulesStatus reload() {
		RulesRegistry.RulesStatus before = this.registry.status();
		RulesRegistry.RulesStatus after = this.registry.reload();
		if (after.rejectedAt() != null && !after.rejectedAt().equals(before.rejectedAt())) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Rules rejected",
					"The rules file was rejected; rules " + after.version() + " stay in force. Problems: "
							+ String.join("; ", after.problems()));
		}
		return after;
	}

}
