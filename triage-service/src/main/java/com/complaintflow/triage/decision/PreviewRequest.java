package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Instant;

import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.ExpectedRemedy;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.ValueTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of a preview: the same body as intake's {@code POST /api/v1/complaints}.
 */
record PreviewRequest(@Valid @NotNull CustomerBody customer, Instant occurredAt, @Valid @NotNull LocationBody location,
		@NotBlank @Size(max = 20000) String description, String believedCause, ExpectedRemedy expectedRemedy,
		String product, BigDecimal disputedAmount, EmotionCues emotionCues, Language language) {

	/** The complainant. */
	record CustomerBody(@NotBlank String id, String name, String phone, @NotNull ValueTier tier) {

		Customer toCustomer() {
			return new Customer(this.id, this.name, this.phone, this.tier);
		}

	}

	/** Where the problem happened. */
	record LocationBody(@NotBlank String regionCode, String address) {

		Location toLocation() {
			return new Location(this.regionCode, this.address);
		}

	}

}
