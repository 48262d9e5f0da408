package com.complaintflow.triage.decision;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of a confirmation: the field staff checked and found right ({@code category},
 * {@code persona}, {@code playbook} or {@code churnRisk}), and an optional note.
 */
record ConfirmationRequest(@Schema(allowableValues = {
		"category", "persona", "playbook", "churnRisk" },
		description = "The field checked") @NotBlank @Size(max = 32) String field, @Size(max = 1000) String note){
}
