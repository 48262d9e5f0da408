package com.complaintflow.triage.model.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.complaintflow.events.DecidedBy;

/**
 * Whether a decision's stated confidence can be taken at its word: over held-out fields
 * one source decided (the model, or the rules), per band of stated confidence how many
 * there were, the mean confidence stated and the share right; per field the expected
 * calibration error (the bands' gaps between stated and right, weighed by their fields).
 */
public final class Reliability {

	/** The bands' lower edges; the last band ends at 1 inclusive. */
	static final List<Double> BANDS = List.of(0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

	private final Set<String> sources;

	private final Tally[] pooled = bands();

	private final Map<String, Tally[]> byField = new LinkedHashMap<>();

	private Reliability(Set<String> sources) {
		this.sources = sources;
	}

	/** The record of the fields the model decided. */
	static Reliability ofModel() {
		return new Reliability(Set.of(DecidedBy.MODEL));
	}

	/** The record of the fields the rules decided, hard rules among them. */
	static Reliability ofRules() {
		return new Reliability(RuleOutcome.BY_RULES);
	}

	/** Adds the fields of one held-out text the source decided and that have a label. */
	void add(LabelledExample example, RuleOutcome decided) {
		for (String field : LabelledExample.FIELDS) {
			Double confidence = decided.confidence().get(field);
			if (!this.sources.contains(decided.decidedBy().getOrDefault(field, "")) || confidence == null
					|| example.label(field) == null) {
				continue;
			}
			boolean right = example.accepts(field, decided.values().get(field));
			int band = band(confidence);
			this.pooled[band].add(confidence, right);
			this.byField.computeIfAbsent(field, (key) -> bands())[band].add(confidence, right);
		}
	}

	/**
	 * The expected calibration error of one field, as a share (0 when the source decided
	 * none of it).
	 */
	double calibrationError(String field) {
		return error(this.byField.get(field));
	}

	/** The expected calibration error over every field the source decided. */
	double calibrationError() {
		return error(this.pooled);
	}

	/** One Markdown table row per band with fields in it. */
	String bandRows(String set) {
		StringBuilder rows = new StringBuilder();
		for (int at = 0; at < BANDS.size(); at++) {
			Tally band = this.pooled[at];
			if (band.count() > 0) {
				rows.append(String.format(Locale.ROOT, "| %s | %.0f-%.0f %% | %d | %.1f %% | %.1f %% |%n", set,
						100 * BANDS.get(at), (at + 1 < BANDS.size()) ? 100 * BANDS.get(at + 1) : 100.0, band.count(),
						100 * band.meanStated(), 100 * band.shareRight()));
			}
		}
		return rows.toString();
	}

	/** One Markdown table row: each field's calibration error, then all fields'. */
	String errorRow(String set) {
		StringBuilder row = new StringBuilder("| ").append(set).append(" |");
		for (String field : LabelledExample.FIELDS) {
			row.append(this.byField.containsKey(field)
					? String.format(Locale.ROOT, " %.1f |", 100 * calibrationError(field)) : " - |");
		}
		return row.append(String.format(Locale.ROOT, " %.1f |%n", 100 * calibrationError())).toString();
	}

	private static int band(double confidence) {
		int band = 0;
		while (band + 1 < BANDS.size() && confidence >= BANDS.get(band + 1)) {
			band++;
		}
		return band;
	}

	private static double error(Tally[] bands) {
		if (bands == null) {
			return 0;
		}
		int fields = 0;
		double gaps = 0;
		for (Tally band : bands) {
			fields += band.count();
			gaps += band.count() * Math.abs(band.meanStated() - band.shareRight());
		}
		return (fields > 0) ? gaps / fields : 0;
	}

	private static Tally[] bands() {
		Tally[] bands = new Tally[BANDS.size()];
		for (int at = 0; at < bands.length; at++) {
			bands[at] = new Tally();
		}
		return bands;
	}

}
