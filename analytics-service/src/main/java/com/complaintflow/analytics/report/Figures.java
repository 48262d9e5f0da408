package com.complaintflow.analytics.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.DurationHistogram;
import com.complaintflow.analytics.rollup.Measures;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Outcome;

/**
 * The figures operations read, computed from merged bucket measures: stage counts, SLA
 * compliance, time distributions, satisfaction, retention and compensation.
 */
public final class Figures {

	private Figures() {
	}

	/** Complaints per lifecycle stage, plus escalated, repeat and communicative. */
	public static Map<String, Long> stages(Counters counters) {
		Map<String, Long> stages = new LinkedHashMap<>();
		Measures.STAGES.forEach((stage) -> stages.put(stage, counters.get(stage)));
		return stages;
	}

	/** The totals: stages plus the complaint-level flags. */
	public static Map<String, Long> totals(Counters counters) {
		Map<String, Long> totals = stages(counters);
		for (String measure : new String[] { Measures.ESCALATED, Measures.REPEAT, Measures.COMMUNICATIVE,
				Measures.COMMUNICATIVE_ESCALATED, Measures.INCIDENTS }) {
			totals.put(measure, counters.get(measure));
		}
		return totals;
	}

	/** Milestones met and breached, with the compliance ratio, per milestone kind. */
	public static Map<String, Sla> sla(Counters counters) {
		Map<String, Sla> sla = new LinkedHashMap<>();
		for (MilestoneKind kind : MilestoneKind.values()) {
			long met = counters.get(Measures.SLA_MET + kind.name());
			long breached = counters.get(Measures.SLA_BREACHED + kind.name());
			sla.put(kind.name(), new Sla(met, breached, ratio(met, met + breached)));
		}
		return sla;
	}

	/** All milestones together. */
	public static Sla slaOverall(Counters counters) {
		long met = counters.withPrefix(Measures.SLA_MET).values().stream().mapToLong(Long::longValue).sum();
		long breached = counters.withPrefix(Measures.SLA_BREACHED).values().stream().mapToLong(Long::longValue).sum();
		return new Sla(met, breached, ratio(met, met + breached));
	}

	/** A duration distribution in minutes. */
	public static Distribution distribution(Counters counters, String name) {
		return new Distribution(DurationHistogram.count(counters, name),
				minutes(DurationHistogram.meanSeconds(counters, name)),
				minutes(DurationHistogram.quantileSeconds(counters, name, 0.5)),
				minutes(DurationHistogram.quantileSeconds(counters, name, 0.9)),
				minutes(DurationHistogram.quantileSeconds(counters, name, 0.99)));
	}

	/** Callback satisfaction: how many, the average and the count per score 1 to 5. */
	public static Satisfaction satisfaction(Counters counters) {
		Map<String, Long> scores = new TreeMap<>();
		long count = 0;
		long sum = 0;
		for (int score = 1; score <= 5; score++) {
			long n = counters.get(Measures.SATISFACTION + score);
			scores.put(String.valueOf(score), n);
			count += n;
			sum += n * score;
		}
		return new Satisfaction(count, (count == 0) ? null : round((double) sum / count), scores);
	}

	/**
	 * Closed cases by outcome and the retention rate (RETAINED + NUMBER_KEPT over
	 * closed).
	 */
	public static Retention retention(Counters counters) {
		Map<String, Long> outcomes = new LinkedHashMap<>();
		for (Outcome outcome : Outcome.values()) {
			outcomes.put(outcome.name(), counters.get(Measures.OUTCOME + outcome.name()));
		}
		long closed = counters.get("closed");
		long kept = outcomes.get(Outcome.RETAINED.name()) + outcomes.get(Outcome.NUMBER_KEPT.name());
		return new Retention(closed, outcomes, ratio(kept, closed));
	}

	/** Remedies offered and accepted, count and value. */
	public static Compensation compensation(Counters counters) {
		return new Compensation(counters.get(Measures.OFFERED), counters.get(Measures.OFFERED_CENTS) / 100.0,
				counters.get(Measures.ACCEPTED), counters.get(Measures.ACCEPTED_CENTS) / 100.0);
	}

	/** Case pauses while waiting on the customer: how many and their wall time. */
	public static Pauses pauses(Counters counters) {
		long count = counters.get(Measures.PAUSES);
		double minutes = counters.get(Measures.PAUSED_MS) / 60_000.0;
		return new Pauses(count, round(minutes), (count == 0) ? null : round(minutes / count));
	}

	/**
	 * Per milestone kind, the milestones of closed cases met on time and met late, with
	 * their average elapsed clock time (business time under a business-hours clock).
	 */
	public static Map<String, Actuals> actuals(Counters counters) {
		Map<String, Actuals> actuals = new LinkedHashMap<>();
		for (MilestoneKind kind : MilestoneKind.values()) {
			long met = counters.get(Measures.ACTUAL_MET + kind.name());
			long breached = counters.get(Measures.ACTUAL_BREACHED + kind.name());
			actuals.put(kind.name(),
					new Actuals(met, averageMinutes(counters.get(Measures.ACTUAL_MET_MS + kind.name()), met), breached,
							averageMinutes(counters.get(Measures.ACTUAL_BREACHED_MS + kind.name()), breached)));
		}
		return actuals;
	}

	/**
	 * Triage accuracy as staff see it: triaged decisions, those corrected, and the
	 * correction rate (corrected over triaged) overall, per field and per source that had
	 * decided the corrected field; per field also the decisions staff checked and the
	 * share of those found wrong, and the first checks the console suggested a value for
	 * and the share that took it.
	 */
	public static Corrections corrections(Counters counters) {
		long triaged = counters.get("triaged");
		Map<String, Long> correctedFields = counters.withPrefix(Measures.CORRECTED_FIELD);
		Map<String, Long> checkedFields = counters.withPrefix(Measures.CHECKED_FIELD);
		Map<String, Long> suggestedFields = counters.withPrefix(Measures.SUGGESTED_FIELD);
		Map<String, Long> takenFields = counters.withPrefix(Measures.SUGGESTION_TAKEN_FIELD);
		Map<String, FieldCorrections> byField = new TreeMap<>();
		for (String field : Measures.CORRECTED_FIELDS) {
			long corrected = correctedFields.getOrDefault(field, 0L);
			long checked = checkedFields.getOrDefault(field, 0L);
			long suggested = suggestedFields.getOrDefault(field, 0L);
			long taken = takenFields.getOrDefault(field, 0L);
			if (corrected > 0 || checked > 0) {
				byField.put(field, new FieldCorrections(corrected, ratio(corrected, triaged), checked,
						ratio(corrected, checked), suggested, taken, ratio(taken, suggested)));
			}
		}
		long corrected = counters.get(Measures.CORRECTED);
		return new Corrections(triaged, corrected, ratio(corrected, triaged), byField,
				counters.withPrefix(Measures.CORRECTED_SOURCE));
	}

	private static Double averageMinutes(long totalMs, long count) {
		return (count == 0) ? null : round(totalMs / 60_000.0 / count);
	}

	static Double ratio(long part, long whole) {
		return (whole == 0) ? null : round((double) part / whole);
	}

	private static Double minutes(Double seconds) {
		return (seconds != null) ? round(seconds / 60.0) : null;
	}

	private static double round(double value) {
		return Math.round(value * 1000.0) / 1000.0;
	}

	/**
	 * Milestones met and breached.
	 *
	 * @param met kept on time
	 * @param breached missed
	 * @param compliance met over decided, or null when none is decided yet
	 */
	public record Sla(long met, long breached, Double compliance) {

	}

	/**
	 * A distribution of durations in minutes.
	 *
	 * @param count how many
	 * @param meanMinutes the mean
	 * @param p50Minutes the median
	 * @param p90Minutes the 90th percentile
	 * @param p99Minutes the 99th percentile
	 */
	public record Distribution(long count, Double meanMinutes, Double p50Minutes, Double p90Minutes,
			Double p99Minutes) {

	}

	/**
	 * Callback satisfaction.
	 *
	 * @param count callbacks with a score
	 * @param average the mean score, or null
	 * @param distribution callbacks per score 1 to 5
	 */
	public record Satisfaction(long count, Double average, Map<String, Long> distribution) {

	}

	/**
	 * Retention outcomes.
	 *
	 * @param closed closed cases
	 * @param outcomes closed cases per outcome
	 * @param retentionRate (RETAINED + NUMBER_KEPT) over closed, or null
	 */
	public record Retention(long closed, Map<String, Long> outcomes, Double retentionRate) {

	}

	/**
	 * Compensation offered and accepted.
	 *
	 * @param offered offers made
	 * @param offeredValue the highest option of each offer, summed
	 * @param accepted remedies accepted
	 * @param acceptedValue their value
	 */
	public record Compensation(long offered, double offeredValue, long accepted, double acceptedValue) {

	}

	/**
	 * Staff corrections of triage decisions.
	 *
	 * @param triaged decisions made
	 * @param corrected decisions with at least one corrected field
	 * @param rate corrected over triaged, or null
	 * @param byField per corrected field (category, persona, playbook, churnRisk)
	 * @param bySource corrected fields per source that had decided them (model, rules,
	 * hard-rule)
	 */
	public record Corrections(long triaged, long corrected, Double rate, Map<String, FieldCorrections> byField,
			Map<String, Long> bySource) {

	}

	/**
	 * The corrections of one field.
	 *
	 * @param corrected decisions whose field was corrected
	 * @param rate corrected over triaged, or null
	 * @param checked decisions whose field staff checked: corrected, confirmed as right,
	 * or corrected and undone
	 * @param checkedWrongRate corrected over checked (triage's error rate on the
	 * decisions staff looked at), or null
	 * @param suggested checked decisions whose first check the console suggested a value
	 * for (triage unsure, its model naming another value)
	 * @param suggestionTaken those whose first check corrected the field to it
	 * @param suggestionTakenRate taken over suggested, or null: far above the share a
	 * reader who knows the right value takes (about 30 %, the training report's asking
	 * table) says suggestions are taken unread
	 */
	public record FieldCorrections(long corrected, Double rate, long checked, Double checkedWrongRate, long suggested,
			long suggestionTaken, Double suggestionTakenRate) {

	}

	/**
	 * Pauses of cases waiting on the customer.
	 *
	 * @param count pauses ended by a resume
	 * @param pausedMinutes their wall time, summed
	 * @param averagePausedMinutes the mean pause, or null
	 */
	public record Pauses(long count, double pausedMinutes, Double averagePausedMinutes) {

	}

	/**
	 * The actual elapsed clock time of one milestone kind in closed cases.
	 *
	 * @param met milestones met on time
	 * @param metAverageElapsedMinutes their mean elapsed time, or null
	 * @param breached milestones met late (after the deadline or the breach reminder)
	 * @param breachedAverageElapsedMinutes their mean elapsed time, or null
	 */
	public record Actuals(long met, Double metAverageElapsedMinutes, long breached,
			Double breachedAverageElapsedMinutes) {

	}

}
