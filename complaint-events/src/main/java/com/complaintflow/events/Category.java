package com.complaintflow.events;

/**
 * What the complaint is about, by subject and content.
 */
public enum Category {

	NETWORK, BILLING, PRODUCT, DEVICE, SERVICE_ATTITUDE, SERVICE_QUALITY, EMERGENCY

}
