package com.complaintflow.analytics.report;

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
import com.complaintflow.analytics.rollup.View;

import org.springframework.stereotype.Component;

/**
 * Answers the questions operations ask, from the rollups only (never from raw events), so
 * every answer costs the same whatever the number of complaints.
 */
@Component
public class AnalyticsQueries {

	private final RollupStore store;

	AnalyticsQueries(RollupStore store) {
		this.store = store;
	}

	/** The summary of a range. */
	public Summary summary(Instant from, Instant to, RollupFilter filter) {
		List<Bucket> buckets = this.store.read(from, to, filter.toBson(filter.view()));
		Counters total = merge(buckets);
		Map<String, Map<String, Long>> byRegion = new TreeMap<>();
		if (filter.view() == View.REGION) {
			byRegion = split(buckets, Dims::region);
		}
		else if (filter.regionViewApplies()) {
			byRegion = split(this.store.read(from, to, filter.toBson(View.REGION)), Dims::region);
		}
		boolean main = filter.view() == View.MAIN;
		return new Summary(Hours.hourOf(from), Hours.ceilHour(to), filter.fields(), Figures.totals(total),
				main ? split(buckets, Dims::channel) : Map.of(), split(buckets, Dims::category), byRegion,
				main ? split(buckets, Dims::persona) : Map.of(), main ? split(buckets, Dims::playbook) : Map.of(),
				Figures.sla(total), Figures.distribution(total, Measures.FIRST_RESPONSE),
				Figures.distribution(total, Measures.RESOLUTION), Figures.satisfaction(total), Figures.retention(total),
				Figures.compensation(total));
	}

	/** Stage counts and SLA compliance per hour or day. */
	public List<SeriesPoint> series(Instant from, Instant to, boolean daily, RollupFilter filter) {
		List<Bucket> buckets = daily ? this.store.readDays(from, to, filter.toBson(filter.view()))
				: this.store.readHours(from, to, filter.toBson(filter.view()));
		Map<Instant, Counters> byPeriod = new TreeMap<>();
		buckets.forEach((bucket) -> byPeriod.computeIfAbsent(bucket.period(), (period) -> new Counters())
			.merge(bucket.counters()));
		List<SeriesPoint> points = new ArrayList<>();
		byPeriod.forEach((period, counters) -> points
			.add(new SeriesPoint(period, Figures.stages(counters), Figures.slaOverall(counters))));
		return points;
	}

	/** SLA compliance per milestone, overall and per category. */
	public SlaReport sla(Instant from, Instant to, RollupFilter filter) {
		List<Bucket> buckets = this.store.read(from, to, filter.toBson(filter.view()));
		Map<String, Counters> byCategory = group(buckets, Dims::category);
		Map<String, Figures.Sla> categories = new TreeMap<>();
		byCategory.forEach((category, counters) -> categories.put(category, Figures.slaOverall(counters)));
		Counters total = merge(buckets);
		return new SlaReport(Figures.slaOverall(total), Figures.sla(total), categories,
				Figures.distribution(total, Measures.FIRST_RESPONSE), Figures.distribution(total, Measures.RESOLUTION));
	}

	/** Outcomes, satisfaction and compensation per playbook. */
	public List<PlaybookRetention> retention(Instant from, Instant to, RollupFilter filter) {
		if (filter.view() != View.MAIN) {
			throw new IllegalArgumentException("retention by playbook cannot be filtered by region");
		}
		List<PlaybookRetention> result = new ArrayList<>();
		group(this.store.read(from, to, filter.toBson(View.MAIN)), Dims::playbook)
			.forEach((playbook, counters) -> result.add(new PlaybookRetention(playbook, counters.get("opened"),
					Figures.retention(counters), Figures.satisfaction(counters), Figures.compensation(counters))));
		return result;
	}

	/** Stage counts per channel and category pair. */
	public List<ChannelCategoryStages> stagesByChannelAndCategory(Instant from, Instant to) {
		Map<String, Counters> groups = group(this.store.read(from, to, RollupFilter.NONE.toBson(View.MAIN)),
				(dims) -> dims.channel() + "|" + dims.category());
		List<ChannelCategoryStages> result = new ArrayList<>();
		groups.forEach((key, counters) -> {
			String[] parts = key.split("\\|", 2);
			result.add(new ChannelCategoryStages(parts[0], parts[1], Figures.stages(counters)));
		});
		return result;
	}

	static Counters merge(List<Bucket> buckets) {
		Counters total = new Counters();
		buckets.forEach((bucket) -> total.merge(bucket.counters()));
		return total;
	}

	static Map<String, Counters> group(List<Bucket> buckets, Function<Dims, String> dimension) {
		Map<String, Counters> groups = new TreeMap<>();
		for (Bucket bucket : buckets) {
			groups.computeIfAbsent(dimension.apply(bucket.dims()), (key) -> new Counters()).merge(bucket.counters());
		}
		return groups;
	}

	private static Map<String, Map<String, Long>> split(List<Bucket> buckets, Function<Dims, String> dimension) {
		Map<String, Map<String, Long>> split = new TreeMap<>();
		group(buckets, dimension).forEach((key, counters) -> split.put(key, Figures.stages(counters)));
		return split;
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
	 */
	public record PlaybookRetention(String playbook, long opened, Figures.Retention retention,
			Figures.Satisfaction satisfaction, Figures.Compensation compensation) {

	}

}
