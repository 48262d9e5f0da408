package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.complaintflow.triage.model.training.TrainCommand.Report;

/**
 * Compares the evaluation report of candidate models with the report of the models in
 * force ({@code bench/triage-compare.sh}): the combined decision's figures on the
 * labelled corpus and on the written sets never trained on, each may fall by no more than
 * the noise, and the wrong fallback stays within its target, and names the fields whose
 * threshold moved; exits 0 when the candidate may replace the models, 1 when not, 2 when
 * a report cannot be read. It also lists the operating points the candidate's training
 * kept from the models in force against a slightly better new one.
 */
public final class ReportComparison {

	/** How far a figure may fall (one to two points is what another fold seed moves). */
	static final double TOLERANCE = 0.02;

	/** How far churn-HIGH recall may fall (three to five points between fold seeds). */
	static final double RECALL_TOLERANCE = 0.05;

	/** The wrong fallback to STANDARD_CARE may not exceed the target. */
	static final double FALLBACK_LIMIT = 5.0;

	/** A model file's line in the report's Models section. */
	private static final Pattern MODEL_FILE = Pattern.compile("^- `triage-model-(\\w+)\\.bin\\.gz`.*");

	/** A field's line under it: where the model decides the field. */
	private static final Pattern FIELD_THRESHOLD = Pattern
		.compile("^  - (\\w+): .*" + Pattern.quote(Report.DECIDES_AT) + "(.+)$");

	private ReportComparison() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("Usage: bench/triage-compare.sh REPORT_IN_FORCE CANDIDATE_REPORT");
			System.exit(2);
		}
		String inForceReport = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
		String candidateReport = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
		Map<String, Row> inForce = rows(inForceReport);
		Map<String, Row> candidate = rows(candidateReport);
		if (inForce.isEmpty() || candidate.isEmpty()) {
			System.err.println("No combined figures in " + (inForce.isEmpty() ? args[0] : args[1])
					+ ": is it a report of bench/triage-train.sh with cross-validation?");
			System.exit(2);
		}
		List<Change> changes = compare(inForce, candidate);
		changes.forEach((change) -> System.out.println(change.line()));
		List<String> moved = movedThresholds(thresholds(inForceReport), thresholds(candidateReport));
		if (!moved.isEmpty()) {
			System.out.println("Where the model decides instead of the rules moved (a band of texts changed hands: "
					+ "a written set's fall with it may be this, not the corrections; docs/OPERATIONS.md, Retraining, step 3):");
			moved.forEach(System.out::println);
		}
		List<String> kept = keptPoints(candidateReport);
		if (!kept.isEmpty()) {
			System.out.println("Kept from the models in force, where the best new point was no better beyond the noise "
					+ "(docs/OPERATIONS.md, Retraining, step 3):");
			kept.forEach(System.out::println);
		}
		long falls = changes.stream().filter(Change::rejects).count();
		System.out.println((falls == 0) ? "ACCEPT: no figure fell beyond the noise"
				: "REJECT: " + falls + " figure(s) fell beyond the noise or past the target");
		System.exit((falls == 0) ? 0 : 1);
	}

	/**
	 * Each figure of the report in force beside the candidate's, with whether it rejects
	 * the candidate.
	 */
	static List<Change> compare(Map<String, Row> inForce, Map<String, Row> candidate) {
		List<Change> changes = new ArrayList<>();
		inForce.forEach((key, before) -> {
			Row after = candidate.get(key);
			before.figures().forEach((name, old) -> {
				Double now = (after != null) ? after.figures().get(name) : null;
				changes.add(new Change(key, name, old, now, rejects(name, old, now, before.texts())));
			});
		});
		return changes;
	}

	/**
	 * Where each language's model decides each field, as the report's Models section
	 * lists it: {@code "EN playbook"} to {@code "0.45"}.
	 */
	static Map<String, String> thresholds(String report) {
		Map<String, String> thresholds = new LinkedHashMap<>();
		String language = null;
		for (String line : report.lines().toList()) {
			Matcher file = MODEL_FILE.matcher(line);
			Matcher field = FIELD_THRESHOLD.matcher(line);
			if (file.matches()) {
				language = file.group(1).toUpperCase(Locale.ROOT);
			}
			else if (language != null && field.matches()) {
				thresholds.put(language + " " + field.group(1), field.group(2));
			}
			else if (!line.startsWith("  ")) {
				language = null;
			}
		}
		return thresholds;
	}

	/**
	 * The operating points the candidate's training kept from the models in force against
	 * a better new one, as its Models section lists them.
	 */
	static List<String> keptPoints(String report) {
		return report.lines()
			.map(String::strip)
			.filter((line) -> line.startsWith("- ") && line.contains(OperatingPoint.KEPT))
			.map((line) -> line.substring(2))
			.toList();
	}

	/** The fields whose threshold differs between two reports, one line each. */
	static List<String> movedThresholds(Map<String, String> inForce, Map<String, String> candidate) {
		List<String> moved = new ArrayList<>();
		inForce.forEach((field, before) -> {
			String after = candidate.get(field);
			if (after != null && !after.equals(before)) {
				moved.add(String.format(Locale.ROOT, "%-60s " + Report.DECIDES_AT + "%s -> %s", field, before, after));
			}
		});
		return moved;
	}

	private static boolean rejects(String name, double old, Double now, int texts) {
		if (now == null) {
			return true;
		}
		if (name.equals(Report.WRONG_FALLBACK)) {
			return now > FALLBACK_LIMIT;
		}
		if (name.equals(Report.HIGH_PRECISION)) {
			return false;
		}
		// one text of a small set is more than the noise of a large one: a text and a
		// half lets one scored row go and not two, for a field scored on at least three
		// quarters of the set (persona is scored only where the label has a cue)
		double tolerance = Math.max(name.equals(Report.HIGH_RECALL) ? RECALL_TOLERANCE : TOLERANCE, 1.5 / texts);
		return old - now > tolerance + 1e-9;
	}

	/**
	 * The combined decision's rows of the report's tables: the corpus summary, by set,
	 * and the written sets never trained or tuned on, by language and set.
	 */
	static Map<String, Row> rows(String report) {
		Map<String, Row> rows = new LinkedHashMap<>();
		List<String> header = null;
		for (String line : report.lines().toList()) {
			if (!line.startsWith("|")) {
				header = null;
				continue;
			}
			List<String> cells = cells(line);
			if (header == null) {
				header = cells.contains(Report.DECIDED_BY) ? cells : List.of();
				continue;
			}
			if (header.isEmpty() || cells.size() != header.size() || cells.get(0).startsWith("---")) {
				continue;
			}
			int decidedBy = header.indexOf(Report.DECIDED_BY);
			String key = String.join(" ", cells.subList(0, header.indexOf(Report.TEXTS)));
			boolean scored = header.contains(Report.WRONG_FALLBACK) || key.endsWith(WrittenEvaluation.NEVER_TRAINED);
			if (!cells.get(decidedBy).equals("combined") || !scored) {
				continue;
			}
			Map<String, Double> figures = new LinkedHashMap<>();
			for (int i = decidedBy + 1; i < cells.size(); i++) {
				figures.put(header.get(i), Double.parseDouble(cells.get(i).replace("%", "").trim()));
			}
			rows.put(key, new Row(Integer.parseInt(cells.get(header.indexOf(Report.TEXTS))), figures));
		}
		return rows;
	}

	private static List<String> cells(String line) {
		String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
		return Arrays.stream(inner.split("\\|", -1)).map(String::trim).toList();
	}

	/** One row of combined figures. */
	record Row(int texts, Map<String, Double> figures) {

	}

	/**
	 * One figure before and after; {@code now} null when the candidate did not score it.
	 */
	record Change(String row, String figure, double old, Double now, boolean rejects) {

		String line() {
			String after = (this.now != null) ? format(this.now) : "missing";
			return String.format(Locale.ROOT, "%-60s %-32s %8s -> %-8s%s", this.row, this.figure, format(this.old),
					after, this.rejects ? "  FELL" : "");
		}

		private String format(double value) {
			return this.figure.equals(Report.WRONG_FALLBACK) ? String.format(Locale.ROOT, "%.1f %%", value)
					: String.format(Locale.ROOT, "%.3f", value);
		}

	}

}
