package com.complaintflow.events;

import java.util.List;

/**
 * Every topic name in one place.
 */
public final class Topics {

	/** Complaints accepted by intake. */
	public static final String RECEIVED = "complaints.received";

	/** Triage decisions. */
	public static final String TRIAGED = "complaints.triaged";

	/** Outages detected by triage. */
	public static final String INCIDENTS = "complaints.incidents";

	/** The case lifecycle, from opened to closed. */
	public static final String CASES = "complaints.cases";

	/** Warnings, breaches and escalations of milestones. */
	public static final String REMINDERS = "complaints.reminders";

	/**
	 * Staff corrections of triage decisions ({@code DecisionCorrected}), published by
	 * triage, consumed by analytics (the correction rate per field and per playbook) and
	 * followup (the case page's triage checks).
	 */
	public static final String CORRECTIONS = "complaints.corrections";

	/**
	 * What the customer must be told ({@code NotificationRequested}), in the complaint's
	 * language; consumed by followup's delivery adapter only, so outside {@link #ALL}.
	 */
	public static final String NOTIFICATIONS = "complaints.notifications";

	/**
	 * Erasure of a customer's personal data: the request ({@code CustomerErased}) and
	 * each service's report ({@code CustomerDataErased}); outside {@link #ALL} (analytics
	 * keeps no personal data to erase).
	 */
	public static final String ERASURES = "complaints.erasures";

	/** Suffix of the dead-letter topic of every topic. */
	public static final String DLT_SUFFIX = ".DLT";

	/**
	 * All event topics, in pipeline order: each is declared with its dead-letter topic,
	 * consumed by analytics and covered by the hostile-input suite.
	 */
	public static final List<String> ALL = List.of(RECEIVED, TRIAGED, INCIDENTS, CASES, REMINDERS, CORRECTIONS);

	/**
	 * Every topic that is declared (with its dead-letter topic): the pipeline,
	 * corrections, notifications and erasures.
	 */
	public static final List<String> DECLARED = List.of(RECEIVED, TRIAGED, INCIDENTS, CASES, REMINDERS, CORRECTIONS,
			NOTIFICATIONS, ERASURES);

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DLT_SUFFIX;
	}

}
