package com.complaintflow.intake.submission;

import java.math.BigDecimal;
import java.time.Instant;

import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.ExpectedRemedyKind;
import com.complaintflow.events.Language;
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
 * The body of {@code POST /api/v1/complaints}: a complaint in the 5W1H form as a channel
 * sends it. The channel itself comes from the API key, never from here.
 *
 * @param customer who complains
 * @param occurredAt when the problem happened (not when it is reported)
 * @param location where it happened
 * @param description what happened, in the customer's words
 * @param believedCause what the customer believes the cause is
 * @param expectedRemedy the remedy the customer expects, and by when
 * @param product the product or plan concerned
 * @param disputedAmount the amount in dispute, if any
 * @param emotionCues cues a hotline agent ticked
 * @param language zh or en; detected from the description when absent
 */
record ComplaintRequest(@NotNull @Valid CustomerPart customer, Instant occurredAt,
		@NotNull @Valid LocationPart location,
		@NotBlank @VisibleText @Size(max = ComplaintRequest.MAX_DESCRIPTION) String description,
		@Size(max = ComplaintRequest.MAX_SHORT_TEXT) String believedCause, @Valid RemedyPart expectedRemedy,
		@Size(max = 200) String product, @DecimalMin("0") @DecimalMax(ComplaintRequest.MAX_AMOUNT) @Digits(integer = 12,
				fraction = 2) BigDecimal disputedAmount,
		EmotionCues emotionCues, Language language) {

	/**
	 * The largest amount, what {@code @Digits} allows: {@code @Digits} alone passes an
	 * exponent so large that its count of integer digits overflows (1E2147483647).
	 */
	static final String MAX_AMOUNT = "999999999999.99";

	static final int MAX_DESCRIPTION = 20000;

	static final int MAX_SHORT_TEXT = 1000;

	/** The customer (the Who). */
	record CustomerPart(
			@NotBlank @Size(max = 64) @Pattern(regexp = Customer.ID_PATTERN, message = Customer.ID_RULE) String id,
			@Size(max = 200) String name,
			@Size(max = 32) @Pattern(regexp = Customer.PHONE_PATTERN, message = Customer.PHONE_RULE) String phone,
			@NotNull ValueTier tier) {

		@Override
		public String toString() {
			return "CustomerPart[id=" + this.id + ", tier=" + this.tier + "]";
		}

	}

	/** The place (the Where). */
	record LocationPart(
			@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]*",
					message = "must be letters, digits, '-' or '_'") String regionCode,
			@Size(max = 500) String address) {

		@Override
		public String toString() {
			return "LocationPart[regionCode=" + this.regionCode + "]";
		}

	}

	/** The expected remedy (the How). */
	record RemedyPart(@NotNull ExpectedRemedyKind kind,
			@DecimalMin("0") @DecimalMax(ComplaintRequest.MAX_AMOUNT) @Digits(integer = 12,
					fraction = 2) BigDecimal amount,
			Instant deadline) {

	}

	@Override
	public String toString() {
		return "ComplaintRequest[customer=" + this.customer + ", location=" + this.location + "]";
	}

}
