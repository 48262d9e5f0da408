package com.complaintflow.events;

/**
 * Who complains (the Who of 5W1H); name and phone are personal data and never logged.
 */
public record Customer(String id, String name, String phone, ValueTier tier) {

	/**
	 * A phone as the channels take it down: digits, spaces, '-', '(', ')', an optional
	 * leading '+', 3-32 characters with at least three digits; or empty (none).
	 */
	public static final String PHONE_PATTERN = "|(?=.{3,32}$)(?=(?:\\D*\\d){3})\\+?[0-9 ()-]+";

	/** The answer to a phone that does not match {@link #PHONE_PATTERN}. */
	public static final String PHONE_RULE = "must be a phone number: at least three digits, spaces, '-', '(', ')', optional leading '+'";

	public Customer {
		Required.field(id, "customer.id");
		Required.field(tier, "customer.tier");
	}

	@Override
	public String toString() {
		return "Customer[id=" + this.id + ", tier=" + this.tier + "]";
	}

}
