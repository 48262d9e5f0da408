package com.complaintflow.events;

/**
 * Who complains (the Who of 5W1H); name and phone are personal data and never logged.
 */
public record Customer(String id, String name, String phone, ValueTier tier) {

	/** A customer id: letters, digits, '-', '_' or ':', not starting with a sign. */
	public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_:-]*";

	/** The answer to a customer id that does not match {@link #ID_PATTERN}. */
	public static final String ID_RULE = "must be letters, digits, '-', '_' or ':'";

	/**
	 * What a record kept after its customer's erasure (an outage's incident, which
	 * another customer's complaint may have opened) is keyed to: outside
	 * {@link #ID_PATTERN}, so no customer has it and no erasure request can name it.
	 */
	public static final String ERASED_ID = "~erased";

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
