package com.complaintflow.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The remedy the customer expects and by when (the How of 5W1H).
 */
public record ExpectedRemedy(ExpectedRemedyKind kind, BigDecimal amount, Instant deadline) {

	public ExpectedRemedy {
		Required.field(kind, "expectedRemedy.kind");
	}

}
