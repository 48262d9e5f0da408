package com.complaintflow.events;

/**
 * The customer's value tier, which bounds the remedies an agent may offer.
 */
public enum ValueTier {

	STANDARD, SILVER, GOLD, PLATINUM

}
