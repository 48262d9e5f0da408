package com.complaintflow.analytics.report;

import java.time.Instant;
import java.util.Map;

/**
 * The figures for a time range: totals, splits by every dimension, SLA compliance, time
 * distributions, satisfaction, retention and compensation.
 *
 * @param from start of the range (inclusive, whole hour)
 * @param to end of the range (exclusive, whole hour)
 * @param filters the filters applied
 * @param totals complaints per stage and flag
 * @param byChannel stages per channel
 * @param byCategory stages per category
 * @param byRegion stages per region (absent when filtered by channel, persona or
 * playbook)
 * @param byPersona stages per persona
 * @param byPlaybook stages per playbook
 * @param sla milestones met and breached per kind
 * @param firstResponse time to first response
 * @param resolution time to resolution
 * @param satisfaction callback satisfaction
 * @param retention outcomes of closed cases
 * @param compensation remedies offered and accepted
 * @param pauses pauses of cases waiting on the customer
 * @param actuals per milestone kind, the average elapsed time of milestones met on time
 * and late, from closed cases
 * @param corrections triaged decisions staff corrected, overall and per field
 */
public record Summary(Instant from, Instant to, Map<String, String> filters, Map<String, Long> totals,
		Map<String, Map<String, Long>> byChannel, Map<String, Map<String, Long>> byCategory,
		Map<String, Map<String, Long>> byRegion, Map<String, Map<String, Long>> byPersona,
		Map<String, Map<String, Long>> byPlaybook, Map<String, Figures.Sla> sla, Figures.Distribution firstResponse,
		Figures.Distribution resolution, Figures.Satisfaction satisfaction, Figures.Retention retention,
		Figures.Compensation compensation, Figures.Pauses pauses, Map<String, Figures.Actuals> actuals,
		Figures.Corrections corrections) {

}
