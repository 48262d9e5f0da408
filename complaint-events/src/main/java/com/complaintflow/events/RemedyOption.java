package com.complaintflow.events;

import java.math.BigDecimal;

/**
 * One remedy the agent can offer, with its value in the operator's currency when it has
 * one.
 */
public record RemedyOption(RemedyKind kind, String description, BigDecimal amount) {

	public RemedyOption {
		Required.field(kind, "remedy.kind");
		Required.field(description, "remedy.description");
	}

}
