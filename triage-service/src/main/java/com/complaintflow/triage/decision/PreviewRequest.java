package com.complaintflow.triage.decision;

import java.math.BigDecimal;
import java.time.Instant;

import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.ExpectedRemedy;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.ValueTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of a preview: the same body as intake's {@code POST /api/v1/complaints}, with
 * the same limits on every field, so a preview costs no more than a complaint.
 */
record PreviewRequest(@Valid @NotNull CustomerBody customer, Instant occurredAt, @Valid @NotNull LocationBody location,
		@NotBlank @Size(max = PreviewRequest.MAX_DESCRIPTION) String description,
		@Size(max = PreviewRequest.MAX_SHORT_TEXT) String believedCause, @Valid RemedyBody expectedRemedy,
		@Size(max = 200) String product, @DecimalMin("0") @DecimalMax(PreviewRequest.MAX_AMOUNT) @Digits(integer = 12,
				fraction = 2) BigDecimal disputedAmount,
		EmotionCues emotionCues, Language language) {

	/**
	 * The largest amount, what {@code @Digits} allows: {@code @Digits} alone passes an
	 * exponent so large that its count of integer digits overflows (1E2147483647).
	 */
	static final String MAX_AMOUNT = "999999999999.99";

	/** Intake's limit on a description. */
	static final int MAX_DESCRIPTION = 20000;

	/** Intake's limit on the believed cause. */
	static final int MAX_SHORT_TEXT = 1000;

	ExpectedRemedy remedy() {
		return (this.expectedRemedy != null) ? this.expectedRemedy.toRemedy() : null;
	}

	/** The complainant. */
	record CustomerBody(
			@NotBlank @Size(max = 64) @Pattern(regexp = Customer.ID_PATTERN, message = Customer.ID_RULE) String id,
			@Size(max = 200) String name,
			@Size(max = 32) @Pattern(regexp = Customer.PHONE_PATTERN, message = Customer.PHONE_RULE) String phone,
			@NotNull ValueTier tier) {

		Customer toCustomer() {
			return new Customer(this.id, this.name, this.phone, this.tier);
		}

	}

	/** Where the problem happened. */
	record LocationBody(
			@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*",
					message = "must be letters, digits, '-' or '_'") String regionCode,
			@Size(max = 500) String address) {

		Location toLocation() {
			return new Location(this.regionCode, this.address);
		}

	}

	/** What the customer expects. */
	record RemedyBody(@NotNull ExpectedRemedyKind kind,
			@DecimalMin("0") @DecimalMax(PreviewRequest.MAX_AMOUNT) @Digits(integer = 12,
					fraction = 2) BigDecimal amount,
			Instant deadline) {

		ExpectedRemedy toRemedy() {
			return new ExpectedRemedy(this.kind, this.amount, this.deadline);
		}

	}

}
