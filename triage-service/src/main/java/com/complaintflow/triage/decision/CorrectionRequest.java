package com.complaintflow.triage.decision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a correction: the field ({@code category}, {@code persona},
 * {@code playbook} or {@code churnRisk}), its right value, and an optional note.
 */
record CorrectionRequest(@NotBlank @Size(max = 32) String field, @NotBlank @Size(max = 64) String value,
		@Size(max = 1000) String note) {
}
