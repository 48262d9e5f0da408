package com.complaintflow.triage.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.support.web.ProblemException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows which learned model is in force per language and re-reads the model files on
 * demand (supervisors and operations); a rejected file answers 422 and changes nothing.
 */
@Tag(name = "model", description = "The learned triage model in force per language")
@RestController
@RequestMapping("/api/v1/triage/model")
class ModelController {

	private final ModelRegistry registry;

	ModelController(ModelRegistry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Show the model in force per language", description = "Roles: SUPERVISOR, OPERATIONS.")
	@GetMapping
	List<ModelRegistry.ModelStatus> status() {
		return this.registry.status();
	}

	@Operation(summary = "Re-read the model files",
			description = "A rejected file answers 422 and the model in force stays. Roles: SUPERVISOR, OPERATIONS.")
	@PostMapping("/reload")
	List<ModelRegistry.ModelStatus> reload() {
		Map<String, Instant> before = new HashMap<>();
		this.registry.status()
			.forEach((status) -> before.put(status.language().name(),
					(status.rejectedAt() != null) ? status.rejectedAt() : Instant.EPOCH));
		List<ModelRegistry.ModelStatus> after = this.registry.reload();
		StringBuilder problems = new StringBuilder();
		for (ModelRegistry.ModelStatus status : after) {
			if (status.rejectedAt() != null && status.rejectedAt().isAfter(before.get(status.language().name()))) {
				problems.append(status.language())
					.append(": ")
					.append(status.problem())
					.append(("loaded".equals(status.state())) ? " (model " + status.version() + " stays in force)"
							: " (rules alone)")
					.append("; ");
			}
		}
		if (!problems.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Model rejected",
					"A model file was rejected. " + problems.toString().trim());
		}
		return after;
	}

}
