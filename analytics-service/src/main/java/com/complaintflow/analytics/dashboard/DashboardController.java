package com.complaintflow.analytics.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.complaintflow.analytics.dashboard.Svg.Bar;
import com.complaintflow.analytics.report.AnalyticsQueries;
import com.complaintflow.analytics.report.AnalyticsQueries.PlaybookRetention;
import com.complaintflow.analytics.report.AnalyticsQueries.SeriesPoint;
import com.complaintflow.analytics.report.Figures;
import com.complaintflow.analytics.report.Hotspot;
import com.complaintflow.analytics.report.HotspotFinder;
import com.complaintflow.analytics.report.RollupFilter;
import com.complaintflow.analytics.report.Summary;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in dashboard: one server-rendered page (inline SVG, no script, nothing from
 * the internet) with volume, SLA compliance, retention by playbook and hotspots, which
 * reloads itself; it is what operations see where no Grafana runs.
 */
@RestController
class DashboardController {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final AnalyticsQueries queries;

	private final HotspotFinder hotspots;

	DashboardController(AnalyticsQueries queries, HotspotFinder hotspots) {
		this.queries = queries;
		this.hotspots = hotspots;
	}

	@GetMapping(path = "/dashboard", produces = MediaType.TEXT_HTML_VALUE)
	String dashboard(@RequestParam(defaultValue = "2") int days, @RequestParam(defaultValue = "30") int refresh) {
		int range = Math.max(1, Math.min(days, 90));
		int reload = Math.max(5, Math.min(refresh, 3600));
		Instant now = Instant.now();
		Instant from = now.minus(range, ChronoUnit.DAYS);
		Summary summary = this.queries.summary(from, now, RollupFilter.NONE);
		StringBuilder html = new StringBuilder(16_384);
		html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta http-equiv=\"refresh\" content=\"")
			.append(reload)
			.append("\"><title>complaint-flow analytics</title><style>")
			.append("body{font-family:sans-serif;margin:16px;background:#f8fafc;color:#0f172a}")
			.append("h1{font-size:20px}h2{font-size:15px;margin:4px 0 8px}")
			.append(".grid{display:flex;flex-wrap:wrap;gap:12px}")
			.append(".card{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:10px}")
			.append(".kpi{display:inline-block;margin-right:18px}.kpi b{display:block;font-size:20px}")
			.append("table{border-collapse:collapse;font-size:12px}td,th{padding:2px 8px;text-align:right}")
			.append("</style></head><body>");
		html.append("<h1>complaint-flow analytics</h1><p>Last ")
			.append(range)
			.append(" day(s), up to ")
			.append(MINUTE.format(now))
			.append(" UTC; reloads every ")
			.append(reload)
			.append(" s.</p>");
		kpis(html, summary);
		html.append("<div class=\"grid\">");
		card(html, "Volume", volume(from, now, range));
		card(html, "Received by channel", stageBars("by-channel", summary.byChannel(), "received"));
		card(html, "Received by category", stageBars("by-category", summary.byCategory(), "received"));
		card(html, "SLA compliance by milestone", sla(summary.sla()));
		card(html, "Retention by playbook", retention(this.queries.retention(from, now, RollupFilter.NONE)));
		card(html, "Hotspots (last 24 h against the week before)", hotspots(this.hotspots.find(now)));
		card(html, "Response and resolution times (minutes)", times(summary.firstResponse(), summary.resolution()));
		card(html, "Callback satisfaction", satisfaction(summary.satisfaction()));
		html.append("</div></body></html>");
		return html.toString();
	}

	private static void kpis(StringBuilder html, Summary summary) {
		html.append("<div class=\"card\" id=\"kpis\">");
		summary.totals()
			.forEach((name, value) -> html.append("<span class=\"kpi\" data-kpi=\"")
				.append(name)
				.append("\"><b>")
				.append(value)
				.append("</b>")
				.append(name)
				.append("</span>"));
		Double rate = summary.retention().retentionRate();
		html.append("<span class=\"kpi\"><b>")
			.append((rate != null) ? percent(rate) : "-")
			.append("</b>retention</span></div>");
	}

	private static void card(StringBuilder html, String title, String body) {
		html.append("<div class=\"card\"><h2>").append(Svg.escape(title)).append("</h2>").append(body).append("</div>");
	}

	private String volume(Instant from, Instant to, int days) {
		boolean daily = days > 2;
		List<SeriesPoint> points = this.queries.series(from, to, daily, RollupFilter.NONE);
		Map<Instant, SeriesPoint> byPeriod = new LinkedHashMap<>();
		points.forEach((point) -> byPeriod.put(point.period(), point));
		ChronoUnit unit = daily ? ChronoUnit.DAYS : ChronoUnit.HOURS;
		List<String> labels = new ArrayList<>();
		Map<String, List<Long>> series = new LinkedHashMap<>();
		List.of("received", "resolved", "closed").forEach((stage) -> series.put(stage, new ArrayList<>()));
		for (Instant period = from.truncatedTo(unit); !period.isAfter(to); period = period.plus(1, unit)) {
			labels.add((daily ? DAY : HOUR).format(period));
			SeriesPoint point = byPeriod.get(period);
			series.forEach((stage, values) -> values.add((point != null) ? point.stages().get(stage) : 0L));
		}
		return Svg.lines("volume", labels, series);
	}

	private static String stageBars(String id, Map<String, Map<String, Long>> split, String stage) {
		List<Bar> bars = new ArrayList<>();
		long max = 0;
		for (Map.Entry<String, Map<String, Long>> entry : split.entrySet()) {
			long value = entry.getValue().getOrDefault(stage, 0L);
			if (value > 0) {
				bars.add(new Bar(entry.getKey(), value, String.valueOf(value), Svg.COLORS[0]));
				max = Math.max(max, value);
			}
		}
		return Svg.bars(id, bars, max);
	}

	private static String sla(Map<String, Figures.Sla> sla) {
		List<Bar> bars = new ArrayList<>();
		sla.forEach((milestone, figures) -> {
			if (figures.compliance() != null) {
				double compliance = figures.compliance();
				bars.add(new Bar(milestone, compliance,
						percent(compliance) + " of " + (figures.met() + figures.breached()),
						(compliance >= 0.95) ? Svg.COLORS[1] : (compliance >= 0.8) ? Svg.COLORS[2] : Svg.COLORS[3]));
			}
		});
		return Svg.bars("sla", bars, 1.0);
	}

	private static String retention(List<PlaybookRetention> playbooks) {
		List<Bar> bars = new ArrayList<>();
		for (PlaybookRetention playbook : playbooks) {
			Double rate = playbook.retention().retentionRate();
			if (rate != null) {
				bars.add(new Bar(playbook.playbook(), rate,
						percent(rate) + " of " + playbook.retention().closed() + " closed", Svg.COLORS[1]));
			}
		}
		return Svg.bars("retention", bars, 1.0);
	}

	private static String hotspots(List<Hotspot> hotspots) {
		List<Bar> bars = new ArrayList<>();
		double max = 0;
		for (Hotspot hotspot : hotspots.subList(0, Math.min(10, hotspots.size()))) {
			bars.add(new Bar(hotspot.region() + " " + hotspot.category(), hotspot.growthFactor(),
					"x" + hotspot.growthFactor() + " (" + hotspot.current() + ")", Svg.COLORS[3]));
			max = Math.max(max, hotspot.growthFactor());
		}
		return Svg.bars("hotspots", bars, max);
	}

	private static String times(Figures.Distribution firstResponse, Figures.Distribution resolution) {
		StringBuilder table = new StringBuilder("<table data-chart=\"times\"><tr><th></th><th>n</th><th>mean</th>"
				+ "<th>p50</th><th>p90</th><th>p99</th></tr>");
		row(table, "first response", firstResponse);
		row(table, "resolution", resolution);
		return table.append("</table>").toString();
	}

	private static void row(StringBuilder table, String name, Figures.Distribution distribution) {
		table.append("<tr><th>")
			.append(name)
			.append("</th><td>")
			.append(distribution.count())
			.append("</td><td>")
			.append(number(distribution.meanMinutes()))
			.append("</td><td>")
			.append(number(distribution.p50Minutes()))
			.append("</td><td>")
			.append(number(distribution.p90Minutes()))
			.append("</td><td>")
			.append(number(distribution.p99Minutes()))
			.append("</td></tr>");
	}

	private static String satisfaction(Figures.Satisfaction satisfaction) {
		List<Bar> bars = new ArrayList<>();
		long max = satisfaction.distribution().values().stream().mapToLong(Long::longValue).max().orElse(0);
		satisfaction.distribution()
			.forEach((score, count) -> bars.add(new Bar(score + " / 5", count, String.valueOf(count), Svg.COLORS[4])));
		return "<p>average " + number(satisfaction.average()) + " over " + satisfaction.count() + " callbacks</p>"
				+ Svg.bars("satisfaction", (satisfaction.count() == 0) ? List.of() : bars, max);
	}

	private static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
	}

	private static String number(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f", value) : "-";
	}

}
