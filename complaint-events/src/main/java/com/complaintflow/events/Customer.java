package com.complaintflow.events;

/**
 * Who complains (the Who of 5W1H); name and phone are personal data and never logged.
 */
public record Customer(String id, String name, String phone, ValueTier tier) {

	public Customer {
		Required.field(id, "customer.id");
		Required.field(tier, "customer.tier");
	}

	@Override
	public String toString() {
		return "Customer[id=" + this.id + ", tier=" + this.tier + "]";
	}

}
