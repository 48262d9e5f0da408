package com.complaintflow.events;

/**
 * The kind of remedy the customer asks for (the How of 5W1H).
 */
public enum ExpectedRemedyKind {

	FIX, REFUND, COMPENSATION, CANCEL, APOLOGY, INFORMATION

}
