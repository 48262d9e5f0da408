package com.complaintflow.triage.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a correction: the field ({@code category}, {@code persona},
 * {@code playbook} or {@code churnRisk}), its right value, and an optional note.
 */
record CorrectionRequest(@Schema(allowableValues = {
		"category", "persona", "playbook", "churnRisk" },
		description = "The field corrected") @NotBlank @Size(max = 32) String field,
		@NotBlank @Size(max = 64) String value, @Size(max = 1000) String note){
}
