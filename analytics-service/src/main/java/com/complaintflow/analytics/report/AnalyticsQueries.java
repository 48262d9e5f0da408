package com.complaintflow.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.complaintflow.analytics.journal.Hours;
import com.complaintflow.analytics.rollup.Bucket;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.Measures;
import com.complaintflow.analytics.rollup.RollupStore;
import com.complaintflow.analytics.rollup.RollupSummary;
import com.complaintflow.analytics.rollup.View;

import org.springframework.stereotype.Component;

/**
 * Answers the questions operations ask, from the rollups only (never from raw events), so
 * every answer costs the same whatever the number of complaints. Unfiltered questions
 * read the compact period summaries; filtered ones read the detailed buckets.
 */
@Component
public class AnalyticsQueries {

	private final RollupStore store;

	AnalyticsQueries(RollupStore store) {
		this.store = store;
	}

	/** The summary of a range. */
	public Summary summary(Instant from, Instant to, RollupFilter filter) {
		Splits splits = splits(from, to, filter);
		boolean main = filter.view() == View.MAIN;
		Counters total = splits.total();
		return new Summary(Hours.hourOf(from), Hours.ceilHour(to), filter.fields(), Figures.totals(total),
				main ? stages(splits.by("channel")) : Map.of(), stages(splits.by("category")),
				stages(splits.by("region")), main ? stages(splits.by("persona")) : Map.of(),
				main ? stages(splits.by("playbook")) : Map.of(), Figures.sla(total),
				Figures.distribution(total, Measures.FIRST_RESPONSE), Figures.distribution(total, Measures.RESOLUTION),
				Figures.satisfaction(total), Figures.retention(total), Figures.compensation(total),
				Figures.pauses(total), Figures.actuals(total), Figures.corrections(total));
	}

	/**
	 * Stage counts and SLA compliance per hour or day of [from, to) rounded out to whole
	 * hours; a day the range cuts counts only its hours inside the range.
	 */
	public List<SeriesPoint> series(Instant from, Instant to, boolean daily, RollupFilter filter) {
		Instant start = Hours.hourOf(from);
		Instant end = Hours.ceilHour(to);
		Map<Instant, Counters> byPeriod = new TreeMap<>();
		if (!daily) {
			byPeriod.putAll(counters(start, end, false, filter));
		}
		else {
			Instant firstWholeDay = start.equals(Hours.dayOf(start)) ? start
					: Hours.dayOf(start).plus(Duration.ofDays(1));
			Instant lastWholeDay = Hours.dayOf(end);
			if (firstWholeDay.isBefore(lastWholeDay)) {
				byPeriod.putAll(counters(firstWholeDay, lastWholeDay, true, filter));
				addHoursByDay(byPeriod, start, firstWholeDay, filter);
				addHoursByDay(byPeriod, lastWholeDay, end, filter);
			}
			else {
				// no whole day: the hours of the one or two days the range touches
				addHoursByDay(byPeriod, start, end, filter);
			}
		}
		List<SeriesPoint> points = new ArrayList<>();
		byPeriod.forEach((period, counters) -> {
			if (!period.isBefore(Hours.dayOf(start)) && period.isBefore(end)) {
				points.add(new SeriesPoint(period, Figures.stages(counters), Figures.slaOverall(counters)));
			}
		});
		return points;
	}

	/** Adds the hours of [from, to), a part of a day the range cuts, to their days. */
	private void addHoursByDay(Map<Instant, Counters> byDay, Instant from, Instant to, RollupFilter filter) {
		if (from.isBefore(to)) {
			counters(from, to, false, filter).forEach((hour,
					counters) -> byDay.computeIfAbsent(Hours.dayOf(hour), (day) -> new Counters()).merge(counters));
		}
	}

	/** The counters of each hour or day in [from, to) that has data, by period start. */
	private Map<Instant, Counters> counters(Instant from, Instant to, boolean daily, RollupFilter filter) {
		Map<Instant, Counters> byPeriod = new TreeMap<>();
		if (filter.isEmpty()) {
			this.store.readSummaries(from, to, daily)
				.forEach((period, summary) -> byPeriod.put(period, summary.total()));
		}
		else {
			this.store.readBucketSeries(from, to, daily, filter::matches)
				.forEach((bucket) -> byPeriod.computeIfAbsent(bucket.period(), (period) -> new Counters())
					.merge(bucket.counters()));
		}
		return byPeriod;
	}

	/** SLA compliance per milestone, overall and per category. */
	public SlaReport sla(Instant from, Instant to, RollupFilter filter) {
		Splits splits = splits(from, to, filter);
		Map<String, Figures.Sla> categories = new TreeMap<>();
		splits.by("category").forEach((category, counters) -> categories.put(category, Figures.slaOverall(counters)));
		Counters total = splits.total();
		return new SlaReport(Figures.slaOverall(total), Figures.sla(total), categories,
				Figures.distribution(total, Measures.FIRST_RESPONSE), Figures.distribution(total, Measures.RESOLUTION));
	}

	/**
	 * Outcomes, satisfaction, compensation and staff corrections of the decision per
	 * playbook (the playbook triage chose).
	 */
	public List<PlaybookRetention> retention(Instant from, Instant to, RollupFilter filter) {
		if (filter.view() != View.MAIN) {
			throw new InvalidQueryException("retention by playbook cannot be filtered by region");
		}
		List<PlaybookRetention> result = new ArrayList<>();
		splits(from, to, filter).by("playbook")
			.forEach((playbook,
					counters) -> result.add(new PlaybookRetention(playbook, counters.get("opened"),
							Figures.retention(counters), Figures.satisfaction(counters), Figures.compensation(counters),
							Figures.corrections(counters))));
		return result;
	}

	/** Stage counts per channel and category pair. */
	public List<ChannelCategoryStages> stagesByChannelAndCategory(Instant from, Instant to) {
		List<ChannelCategoryStages> result = new ArrayList<>();
		this.store.readSummary(from, to).split("channelCategory").forEach((key, counters) -> {
			String[] parts = key.split("\\|", 2);
			result.add(new ChannelCategoryStages(parts[0], parts[1], Figures.stages(counters)));
		});
		return result;
	}

	/**
	 * The totals and splits of a range: from the period summaries without a filter, else
	 * from the detailed buckets that pass it.
	 */
	private Splits splits(Instant from, Instant to, RollupFilter filter) {
		if (filter.isEmpty()) {
			RollupSummary summary = this.store.readSummary(from, to);
			return new Splits(summary.total(), summary::split);
		}
		List<Bucket> buckets = this.store.readBuckets(from, to, (view, dims) -> filter.matches(view, dims)
				|| (view == View.REGION && filter.regionViewApplies() && filter.matchesDims(dims)));
		List<Bucket> selected = buckets.stream().filter((bucket) -> bucket.view() == filter.view()).toList();
		List<Bucket> regional = buckets.stream().filter((bucket) -> bucket.view() == View.REGION).toList();
		Counters total = new Counters();
		selected.forEach((bucket) -> total.merge(bucket.counters()));
		return new Splits(total, (name) -> switch (name) {
			case "region" -> group(regional, Dims::region);
			case "channel" -> group(selected, Dims::channel);
			case "category" -> group(selected, Dims::category);
			case "persona" -> group(selected, Dims::persona);
			case "playbook" -> group(selected, Dims::playbook);
			default -> throw new IllegalArgumentException("no split " + name);
		});
	}

	private static Map<String, Counters> group(List<Bucket> buckets, Function<Dims, String> dimension) {
		Map<String, Counters> groups = new TreeMap<>();
		for (Bucket bucket : buckets) {
			groups.computeIfAbsent(dimension.apply(bucket.dims()), (key) -> new Counters()).merge(bucket.counters());
		}
		return groups;
	}

	private static Map<String, Map<String, Long>> stages(Map<String, Counters> split) {
		Map<String, Map<String, Long>> result = new TreeMap<>();
		split.forEach((key, counters) -> result.put(key, Figures.stages(counters)));
		return result;
	}

	/**
	 * Totals and the per-dimension splits of a range.
	 *
	 * @param total every measure
	 * @param splits the measures per value of a named split
	 */
	private record Splits(Counters total, Function<String, Map<String, Counters>> splits) {

		Map<String, Counters> by(String name) {
			return this.splits.apply(name);
		}

	}

	/**
	 * Stage counts of one channel and category.
	 *
	 * @param channel the channel
	 * @param category the category
	 * @param stages complaints per stage
	 */
	public record ChannelCategoryStages(String channel, String category, Map<String, Long> stages) {

	}

	/**
	 * Stage counts and SLA compliance of one period.
	 *
	 * @param period start of the hour or day
	 * @param stages complaints per stage
	 * @param sla milestones met and breached
	 */
	public record SeriesPoint(Instant period, Map<String, Long> stages, Figures.Sla sla) {

	}

	/**
	 * SLA compliance.
	 *
	 * @param overall all milestones together
	 * @param byMilestone per milestone kind
	 * @param byCategory all milestones per category
	 * @param firstResponse time to first response
	 * @param resolution time to resolution
	 */
	public record SlaReport(Figures.Sla overall, Map<String, Figures.Sla> byMilestone,
			Map<String, Figures.Sla> byCategory, Figures.Distribution firstResponse, Figures.Distribution resolution) {

	}

	/**
	 * What one playbook achieves.
	 *
	 * @param playbook the playbook
	 * @param opened cases opened with it
	 * @param retention outcomes of its closed cases
	 * @param satisfaction callback satisfaction
	 * @param compensation remedies offered and accepted
	 * @param corrections decisions of this playbook staff corrected, per field
	 */
	public record PlaybookRetention(String playbook, long opened, Figures.Retention retention,
			Figures.Satisfaction satisfaction, Figures.Compensation compensation, Figures.Corrections corrections) {

	}

}
