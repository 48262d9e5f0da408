package com.complaintflow.analytics.rollup;

import java.util.List;

/**
 * Names of the measures a rollup bucket counts; keys never contain a dot, so they are
 * valid MongoDB field names.
 */
public final class Measures {

	/** The lifecycle stages counted per complaint, in order. */
	public static final List<String> STAGES = List.of("received", "triaged", "opened", "resolved", "closed");

	/** Complaints whose case was escalated at least once. */
	public static final String ESCALATED = "escalated";

	/** Complaints from customers who had complained before (triage's history check). */
	public static final String REPEAT = "repeat";

	/** Communicative complaints (help-seeking, inquiry, venting). */
	public static final String COMMUNICATIVE = "communicative";

	/** Communicative complaints that later breached a milestone or were escalated. */
	public static final String COMMUNICATIVE_ESCALATED = "communicativeEscalated";

	/** Outages detected (each once, in the hour of its lowest revision received). */
	public static final String INCIDENTS = "incidents";

	/**
	 * Remedy offers made and their value (the highest option of each offer), in cents.
	 */
	public static final String OFFERED = "offered";

	public static final String OFFERED_CENTS = "offeredCents";

	/** Remedies the customer accepted and their value, in cents. */
	public static final String ACCEPTED = "accepted";

	public static final String ACCEPTED_CENTS = "acceptedCents";

	/** Prefix of closed cases per outcome: {@code outcome:RETAINED}. */
	public static final String OUTCOME = "outcome:";

	/** Prefix of milestones met: {@code slaMet:FIRST_RESPONSE}. */
	public static final String SLA_MET = "slaMet:";

	/** Prefix of milestones breached: {@code slaBreached:FIRST_RESPONSE}. */
	public static final String SLA_BREACHED = "slaBreached:";

	/** Callback satisfaction per score: {@code satisfaction:4}. */
	public static final String SATISFACTION = "satisfaction:";

	/** Time to first response, as a histogram. */
	public static final String FIRST_RESPONSE = "firstResponse";

	/** Time to resolution, as a histogram. */
	public static final String RESOLUTION = "resolution";

	/**
	 * Pauses of a case (counted when it resumes) and their wall time, in milliseconds.
	 */
	public static final String PAUSES = "pauses";

	public static final String PAUSED_MS = "pausedMs";

	/**
	 * Prefix of milestones of closed cases met on time: {@code actualMet:FIRST_RESPONSE};
	 * {@link #ACTUAL_MET_MS} sums their elapsed clock time in milliseconds.
	 */
	public static final String ACTUAL_MET = "actualMet:";

	public static final String ACTUAL_MET_MS = "actualMetMs:";

	/**
	 * Prefix of milestones of closed cases met late (after their deadline or their breach
	 * reminder); {@link #ACTUAL_BREACHED_MS} sums their elapsed clock time.
	 */
	public static final String ACTUAL_BREACHED = "actualBreached:";

	public static final String ACTUAL_BREACHED_MS = "actualBreachedMs:";

	/**
	 * Triaged decisions a staff member corrected (in the hour of the first correction,
	 * whatever the field).
	 */
	public static final String CORRECTED = "corrected";

	/**
	 * Prefix of decisions corrected per field ({@code correctedField:playbook}), each
	 * (complaint, field) once, in the hour of its first correction.
	 */
	public static final String CORRECTED_FIELD = "correctedField:";

	/**
	 * Prefix of decisions whose field staff checked ({@code checkedField:playbook}):
	 * corrected, confirmed as right or corrected and undone, each (complaint, field)
	 * once, in the hour of its first correction or confirmation.
	 */
	public static final String CHECKED_FIELD = "checkedField:";

	/**
	 * Prefix of decisions whose field's first check the console suggested a value for
	 * ({@code suggestedField:playbook}: triage unsure, its model naming another value),
	 * each (complaint, field) once, in the hour of that check.
	 */
	public static final String SUGGESTED_FIELD = "suggestedField:";

	/**
	 * Prefix of those whose first check took the suggestion
	 * ({@code suggestionTakenField:playbook}: corrected to the suggested value, whatever
	 * came after).
	 */
	public static final String SUGGESTION_TAKEN_FIELD = "suggestionTakenField:";

	/** The decision fields staff can correct (triage's correction API). */
	public static final List<String> CORRECTED_FIELDS = List.of("category", "persona", "playbook", "churnRisk");

	/**
	 * Prefix of corrected fields per source that had decided them
	 * ({@code correctedSource:model}, {@code :rules}, {@code :hard-rule}).
	 */
	public static final String CORRECTED_SOURCE = "correctedSource:";

	private Measures() {
	}

}
