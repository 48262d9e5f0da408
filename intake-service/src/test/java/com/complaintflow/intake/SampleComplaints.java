package com.complaintflow.intake;

/**
 * Complaint bodies for tests, in the shape channels send.
 */
public final class SampleComplaints {

	/** The phone number of {@link #broadband(String)}, to check it never leaks. */
	public static final String PHONE = "+8613800138000";

	/** The name of {@link #broadband(String)}, to check it never leaks. */
	public static final String NAME = "Zhang Wei";

	private SampleComplaints() {
	}

	/** A complete English complaint of the given customer. */
	public static String broadband(String customerId) {
		return """
				{"customer":{"id":"%s","name":"%s","phone":"%s","tier":"GOLD"},
				 "occurredAt":"2026-11-22T07:30:00Z","location":{"regionCode":"BJ-CY","address":"Chaoyang, Beijing"},
				 "description":"Broadband drops every 15 minutes since this morning","believedCause":"your network is bad",
				 "expectedRemedy":{"kind":"FIX","amount":null,"deadline":"2026-11-22T10:00:00Z"},"product":"Fiber 500",
				 "disputedAmount":null,"emotionCues":{"repeatedContact":true,"raisedVoice":false,"threatensToLeave":false,
				 "threatensRegulatorOrMedia":false},"language":"en"}
				"""
			.formatted(customerId, NAME, PHONE);
	}

	/** A minimal complaint: only the required fields, language left to detection. */
	public static String minimal(String customerId, String description) {
		return """
				{"customer":{"id":"%s","tier":"STANDARD"},"location":{"regionCode":"SH-PD"},"description":"%s"}
				""".formatted(customerId, description);
	}

}
