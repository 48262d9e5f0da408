package com.complaintflow.analytics.report;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.View;
import com.complaintflow.events.Category;
import com.complaintflow.events.Channel;
import com.complaintflow.events.Persona;
import com.complaintflow.events.Playbook;

/**
 * Optional filters on the rollup dimensions. Region lives in its own view (region x
 * category), so it combines with category only.
 *
 * @param channel a channel, or null
 * @param category a category, or null
 * @param region a region code, or null
 * @param persona a persona, or null
 * @param playbook a playbook, or null
 */
public record RollupFilter(String channel, String category, String region, String persona, String playbook) {

	/** The longest region code a filter takes. */
	public static final int MAX_REGION_LENGTH = 64;

	/** No filter. */
	public static final RollupFilter NONE = new RollupFilter(null, null, null, null, null);

	/** The filter named by request parameters; other parameters are ignored. */
	public static RollupFilter of(Map<String, String> params) {
		return new RollupFilter(blankToNull(params.get("channel")), blankToNull(params.get("category")),
				blankToNull(params.get("region")), blankToNull(params.get("persona")),
				blankToNull(params.get("playbook")));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	public RollupFilter {
		check("channel", channel, Channel.values());
		check("category", category, Category.values());
		check("persona", persona, Persona.values());
		check("playbook", playbook, Playbook.values());
		if (region != null && region.length() > MAX_REGION_LENGTH) {
			throw new InvalidQueryException("region is at most " + MAX_REGION_LENGTH + " characters");
		}
		if (region != null && (channel != null || persona != null || playbook != null)) {
			throw new InvalidQueryException(
					"region combines with category only (regional buckets do not split by channel, persona or playbook)");
		}
	}

	private static void check(String name, String value, Enum<?>[] allowed) {
		if (value == null || value.equals(Dims.UNKNOWN)) {
			return;
		}
		if (Arrays.stream(allowed).noneMatch((candidate) -> candidate.name().equals(value))) {
			throw new InvalidQueryException("unknown " + name + " '" + value + "'; use one of "
					+ Arrays.stream(allowed).map(Enum::name).toList() + " or " + Dims.UNKNOWN);
		}
	}

	/** The view that can answer this filter. */
	public View view() {
		return (this.region != null) ? View.REGION : View.MAIN;
	}

	/** Whether the region view can answer this filter too (for the by-region split). */
	boolean regionViewApplies() {
		return this.channel == null && this.persona == null && this.playbook == null;
	}

	/** Whether no filter is set. */
	public boolean isEmpty() {
		return fields().isEmpty();
	}

	/** Whether a bucket of the given view and dimensions passes this filter. */
	public boolean matches(View view, Dims dims) {
		return view == view() && matchesDims(dims);
	}

	/** Whether the dimensions pass this filter, whatever the view. */
	boolean matchesDims(Dims dims) {
		return matches(this.channel, dims.channel()) && matches(this.category, dims.category())
				&& matches(this.region, dims.region()) && matches(this.persona, dims.persona())
				&& matches(this.playbook, dims.playbook());
	}

	private static boolean matches(String wanted, String actual) {
		return wanted == null || wanted.equals(actual);
	}

	/** The filters set, by name. */
	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "channel", this.channel);
		put(fields, "category", this.category);
		put(fields, "region", this.region);
		put(fields, "persona", this.persona);
		put(fields, "playbook", this.playbook);
		return fields;
	}

	private static void put(Map<String, String> fields, String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

}
