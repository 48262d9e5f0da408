package com.complaintflow.analytics.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.complaintflow.analytics.journal.Timelines;
import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.AnalyticsQueries.PlaybookRetention;
import com.complaintflow.analytics.report.AnalyticsQueries.SeriesPoint;
import com.complaintflow.analytics.report.AnalyticsQueries.SlaReport;
import com.complaintflow.analytics.report.ComplaintFinder;
import com.complaintflow.analytics.report.ComplaintFinder.ComplaintList;
import com.complaintflow.analytics.report.Hotspot;
import com.complaintflow.analytics.report.HotspotFinder;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.analytics.report.Summary;
import com.complaintflow.analytics.report.InvalidQueryException;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics REST API: summary, time series, SLA compliance, retention by playbook,
 * hotspots, the complaints behind a figure (drill-down) and the timeline of one
 * complaint. Ranges are [from, to) rounded out to whole hours; without them a summary
 * covers everything up to now.
 */
@Tag(name = "analytics", description = "Exact rollups, SLA compliance, retention, hotspots and timelines")
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

	private static final int MAX_HOURLY_POINTS = 24 * 31;

	private final AnalyticsQueries queries;

	private final HotspotFinder hotspots;

	private final Timelines journal;

	private final ComplaintFinder complaints;

	AnalyticsController(AnalyticsQueries queries, HotspotFinder hotspots, Timelines journal,
			ComplaintFinder complaints) {
		this.queries = queries;
		this.hotspots = hotspots;
		this.journal = journal;
		this.complaints = complaints;
	}

	@Operation(summary = "Totals over a range",
			description = "Counts by channel, category, persona, playbook and region over [from, to), whole hours; everything up to now without a range. Roles: OPERATIONS, SUPERVISOR.")
	@RollupFilterParameters
	@GetMapping("/summary")
	Summary summary(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		RollupFilter filter = RollupFilter.of(params);
		Range range = Range.of(from, to, Instant.EPOCH);
		return this.queries.summary(range.from(), range.to(), filter);
	}

	@Operation(summary = "Counts per hour or day",
			description = "granularity hour (at most 31 days) or day; the last seven days without a range. Roles: OPERATIONS, SUPERVISOR.")
	@RollupFilterParameters
	@GetMapping("/timeseries")
	List<SeriesPoint> timeseries(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to,
			@Parameter(schema = @Schema(allowableValues = { "hour", "day" }, defaultValue = "hour")) @RequestParam(
					defaultValue = "hour") String granularity,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		RollupFilter filter = RollupFilter.of(params);
		Range range = Range.of(from, to, null);
		boolean daily = switch (granularity) {
			case "hour" -> false;
			case "day" -> true;
			default -> throw new InvalidQueryException("granularity must be hour or day");
		};
		if (!daily && range.from().plus(MAX_HOURLY_POINTS, ChronoUnit.HOURS).isBefore(range.to())) {
			throw new InvalidQueryException("an hourly series covers at most 31 days; use granularity=day");
		}
		return this.queries.series(range.from(), range.to(), daily, filter);
	}

	@Operation(summary = "SLA compliance per milestone",
			description = "Met and breached milestones of the cases closed in the range (a milestone is counted when its case closes; one still open is not), per milestone and category, with response and resolution times. Roles: OPERATIONS, SUPERVISOR.")
	@RollupFilterParameters
	@GetMapping("/sla")
	SlaReport sla(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		RollupFilter filter = RollupFilter.of(params);
		Range range = Range.of(from, to, null);
		return this.queries.sla(range.from(), range.to(), filter);
	}

	@Operation(summary = "Retention by playbook",
			description = "Outcomes of closed cases per playbook over the range. Roles: OPERATIONS, SUPERVISOR.")
	@RollupFilterParameters
	@GetMapping("/retention")
	List<PlaybookRetention> retention(@RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		RollupFilter filter = RollupFilter.of(params);
		Range range = Range.of(from, to, null);
		return this.queries.retention(range.from(), range.to(), filter);
	}

	@Operation(summary = "Regions with unusual complaint volume",
			description = "Hotspots at the given time, now by default. Roles: OPERATIONS, SUPERVISOR.")
	@GetMapping("/hotspots")
	List<Hotspot> hotspots(@RequestParam(required = false) Instant at) {
		return this.hotspots.find((at != null) ? at : Instant.now());
	}

	@Operation(summary = "The complaints behind a figure (drill-down)",
			description = "The complaints counted in one measure over [from, to) under the same filters as the rollups, "
					+ "newest first, at most limit (1 to 200) of them; total is the figure itself. measure: a stage "
					+ "(received, triaged, opened, resolved, closed), a flag (escalated, repeat, communicative, "
					+ "communicativeEscalated, corrected), outcome:<OUTCOME>, slaMet:<MILESTONE>, "
					+ "slaBreached:<MILESTONE>, satisfaction:<1-5>, correctedField:<field> or checkedField:<field>. "
					+ "Roles: OPERATIONS, SUPERVISOR.")
	@RollupFilterParameters
	@GetMapping("/complaints")
	ComplaintList complaints(@RequestParam String measure, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to,
			@Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "200",
					defaultValue = "50")) @RequestParam(defaultValue = "50") int limit,
			@Parameter(hidden = true) @RequestParam Map<String, String> params) {
		RollupFilter filter = RollupFilter.of(params);
		Range range = Range.of(from, to, null);
		return this.complaints.find(measure, range.from(), range.to(), filter, limit);
	}

	@Operation(summary = "The events of one complaint",
			description = "From every service, in time order, as analytics keeps them: staff work on a case (case-worked: claims, assignments, notes, playbook steps) left out, of an outage its lowest revision only; 404 when analytics has received none. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@GetMapping("/complaints/{complaintId}/timeline")
	Timeline timeline(@PathVariable String complaintId) {
		return this.journal.find(complaintId)
			.map((record) -> new Timeline(record.complaintId(), record.entries()))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Unknown complaint",
					"Analytics has received no event for complaint " + complaintId + "."));
	}

	@ExceptionHandler(InvalidQueryException.class)
	ResponseEntity<ProblemDetail> badRequest(InvalidQueryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * The events analytics keeps of one complaint, from every service, in time order.
	 *
	 * @param complaintId the complaint
	 * @param events its events, oldest first
	 */
	record Timeline(String complaintId, List<JournalEntry> events) {

	}

	/**
	 * A validated time range; without bounds it is the last seven days (or everything
	 * from {@code defaultFrom}).
	 */
	record Range(Instant from, Instant to) {

		static Range of(Instant from, Instant to, Instant defaultFrom) {
			Instant end = (to != null) ? to : Instant.now();
			Instant start = (from != null) ? from : (defaultFrom != null) ? defaultFrom : end.minus(7, ChronoUnit.DAYS);
			if (!start.isBefore(end)) {
				throw new InvalidQueryException("from must be before to");
			}
			return new Range(start, end);
		}

	}

}
