package com.complaintflow.analytics.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * Server-rendered SVG charts (no script, no library): a multi-line time chart and a
 * horizontal bar chart. Every label is escaped, since region codes come from channel
 * input.
 */
final class Svg {

	static final String[] COLORS = { "#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2" };

	private static final int WIDTH = 560;

	private Svg() {
	}

	/**
	 * Lines over time.
	 * @param id the chart's id (data-chart attribute)
	 * @param labels one label per point (x axis)
	 * @param series values per series name, one per label
	 */
	static String lines(String id, List<String> labels, Map<String, List<Long>> series) {
		int height = 220;
		int left = 40;
		int bottom = 30;
		int plotWidth = WIDTH - left - 10;
		int plotHeight = height - bottom - 30;
		long max = Math.max(1,
				series.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
		StringBuilder svg = open(id, height);
		axis(svg, left, 30, plotWidth, plotHeight, max);
		int n = Math.max(1, labels.size() - 1);
		int colour = 0;
		int legendX = left;
		for (Map.Entry<String, List<Long>> line : series.entrySet()) {
			String color = COLORS[colour++ % COLORS.length];
			StringBuilder points = new StringBuilder();
			List<Long> values = line.getValue();
			for (int i = 0; i < values.size(); i++) {
				double x = left + (double) plotWidth * i / n;
				double y = 30 + plotHeight - (double) plotHeight * values.get(i) / max;
				points.append(format(x)).append(',').append(format(y)).append(' ');
			}
			svg.append("<polyline class=\"series\" data-series=\"")
				.append(escape(line.getKey()))
				.append("\" fill=\"none\" stroke-width=\"2\" stroke=\"")
				.append(color)
				.append("\" points=\"")
				.append(points.toString().trim())
				.append("\"/>");
			svg.append("<rect x=\"")
				.append(legendX)
				.append("\" y=\"8\" width=\"10\" height=\"10\" fill=\"")
				.append(color)
				.append("\"/><text x=\"")
				.append(legendX + 14)
				.append("\" y=\"17\" font-size=\"11\">")
				.append(escape(line.getKey()))
				.append("</text>");
			legendX += 90;
		}
		if (!labels.isEmpty()) {
			text(svg, left, height - 10, labels.get(0), "start");
			text(svg, left + plotWidth, height - 10, labels.get(labels.size() - 1), "end");
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * Horizontal bars.
	 * @param id the chart's id (data-chart attribute)
	 * @param bars the bars, top to bottom
	 * @param max the value of a full-width bar
	 */
	static String bars(String id, List<Bar> bars, double max) {
		int rowHeight = 24;
		int labelWidth = 170;
		int height = Math.max(1, bars.size()) * rowHeight + 10;
		StringBuilder svg = open(id, height);
		if (bars.isEmpty()) {
			text(svg, 10, 20, "No data in this range", "start");
		}
		double scale = (max <= 0) ? 1 : max;
		int y = 5;
		for (Bar bar : bars) {
			double width = Math.max(1, (WIDTH - labelWidth - 120) * Math.min(1.0, bar.value() / scale));
			text(svg, labelWidth - 6, y + 16, bar.label(), "end");
			svg.append("<rect class=\"bar\" x=\"")
				.append(labelWidth)
				.append("\" y=\"")
				.append(y + 3)
				.append("\" width=\"")
				.append(format(width))
				.append("\" height=\"")
				.append(rowHeight - 6)
				.append("\" fill=\"")
				.append(bar.color())
				.append("\"><title>")
				.append(escape(bar.label() + ": " + bar.text()))
				.append("</title></rect>");
			text(svg, (int) (labelWidth + width + 6), y + 16, bar.text(), "start");
			y += rowHeight;
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String id, int height) {
		return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"").append(escape(id))
			.append("\" width=\"")
			.append(WIDTH)
			.append("\" height=\"")
			.append(height)
			.append("\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\">");
	}

	private static void axis(StringBuilder svg, int left, int top, int width, int height, long max) {
		svg.append("<line x1=\"")
			.append(left)
			.append("\" y1=\"")
			.append(top + height)
			.append("\" x2=\"")
			.append(left + width)
			.append("\" y2=\"")
			.append(top + height)
			.append("\" stroke=\"#999\"/><line x1=\"")
			.append(left)
			.append("\" y1=\"")
			.append(top)
			.append("\" x2=\"")
			.append(left)
			.append("\" y2=\"")
			.append(top + height)
			.append("\" stroke=\"#999\"/>");
		text(svg, left - 4, top + 4, String.valueOf(max), "end");
		text(svg, left - 4, top + height, "0", "end");
	}

	private static void text(StringBuilder svg, int x, int y, String text, String anchor) {
		svg.append("<text x=\"")
			.append(x)
			.append("\" y=\"")
			.append(y)
			.append("\" font-size=\"11\" text-anchor=\"")
			.append(anchor)
			.append("\">")
			.append(escape(text))
			.append("</text>");
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One bar.
	 *
	 * @param label the label left of the bar
	 * @param value its length, against the chart's max
	 * @param text the figure written after the bar
	 * @param color the fill
	 */
	record Bar(String label, double value, String text, String color) {

	}

}
