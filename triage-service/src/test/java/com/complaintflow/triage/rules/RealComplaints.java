package com.complaintflow.triage.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.complaintflow.events.Language;
import com.complaintflow.triage.text.FollowUpMessages;

/**
 * Runs the rules over the real complaints in {@code ../shared/data} (Comcast FCC
 * complaints in English, Weibo posts in Chinese) and reports the distribution of
 * categories and playbooks and how often the rules fall back; {@code main [n] [value]}
 * prints n complaints decided as a category or playbook (STANDARD_CARE by default) for
 * reading by hand.
 */
public final class RealComplaints {

	/** A data set: its file, the language and how to get the complaint text of a row. */
	enum DataSet {

		COMCAST("comcast-fcc-2015-dev.csv", Language.EN,
				(row) -> row.get("Customer Complaint") + ". "
						+ FollowUpMessages.complaintOf(Objects.requireNonNullElse(row.get("Description_aligned"), ""))),
		WEIBO("weibo-telecom-complaints-zh-dev.csv", Language.ZH, (row) -> row.get("customer_first_turn"));

		final String file;

		final Language language;

		final Function<Map<String, String>, String> text;

		DataSet(String file, Language language, Function<Map<String, String>, String> text) {
			this.file = file;
			this.language = language;
			this.text = text;
		}

	}

	private RealComplaints() {
	}

	/** The data directory, if present ({@code -Dtriage.data.dir} or ../shared/data). */
	static Optional<Path> dataDir() {
		List<Path> candidates = new ArrayList<>();
		String configured = System.getProperty("triage.data.dir");
		if (configured != null) {
			candidates.add(Path.of(configured));
		}
		candidates.add(Path.of("../shared/data"));
		candidates.add(Path.of("../../shared/data"));
		return candidates.stream().filter((dir) -> Files.isDirectory(dir)).findFirst();
	}

	static List<String> texts(Path dir, DataSet set) throws IOException {
		List<String> texts = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(dir.resolve(set.file), StandardCharsets.UTF_8)) {
			List<List<String>> rows = Csv.read(reader);
			List<String> header = rows.get(0);
			for (List<String> values : rows.subList(1, rows.size())) {
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size() && i < values.size(); i++) {
					row.put(header.get(i), values.get(i));
				}
				String text = set.text.apply(row);
				if (text != null && !text.isBlank()) {
					texts.add(text);
				}
			}
		}
		return texts;
	}

	static Report run(RuleSet rules, DataSet set, List<String> texts, String sampled) {
		Report report = new Report(set, sampled);
		int i = 0;
		for (String text : texts) {
			Verdict verdict = rules.decide(TextAnalyzerTests.complaint(text, set.language, "R-" + set + "-" + i++),
					TriageContext.NONE);
			report.add(text, verdict);
		}
		return report;
	}

	public static void main(String[] args) throws IOException {
		Path dir = dataDir().orElseThrow(() -> new IllegalStateException("no ../shared/data"));
		RuleSet rules = RulesLoader.bundled();
		int sample = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		for (DataSet set : DataSet.values()) {
			Report report = run(rules, set, texts(dir, set), (args.length > 1) ? args[1] : "STANDARD_CARE");
			System.out.println(report.summary());
			System.out.println("Sample of " + report.sampled + ":");
			report.fallbackSamples.stream()
				.limit(sample)
				.forEach((text) -> System.out.println("  - " + text.replaceAll("\\s+", " ")
					.substring(0, Math.min(220, text.replaceAll("\\s+", " ").length()))));
			System.out.println();
		}
	}

	/** Distribution and fallback counts of one data set. */
	static final class Report {

		final DataSet set;

		final Map<String, Integer> categories = new TreeMap<>();

		final Map<String, Integer> playbooks = new TreeMap<>();

		final List<String> fallbackSamples = new ArrayList<>();

		int total;

		int standardCare;

		int unknownCause;

		int categoryFallback;

		final String sampled;

		Report(DataSet set, String sampled) {
			this.set = set;
			this.sampled = sampled;
		}

		void add(String text, Verdict verdict) {
			this.total++;
			this.categories.merge(verdict.category().name(), 1, Integer::sum);
			this.playbooks.merge(verdict.playbook().name(), 1, Integer::sum);
			if (verdict.playbook() == com.complaintflow.events.Playbook.STANDARD_CARE) {
				this.standardCare++;
			}
			if (verdict.playbook().name().equals(this.sampled) || verdict.category().name().equals(this.sampled)) {
				this.fallbackSamples.add(verdict.category() + "/" + verdict.playbook() + " | " + text);
			}
			if (verdict.rootCauseLayer() == com.complaintflow.events.RootCauseLayer.UNKNOWN) {
				this.unknownCause++;
			}
			if (verdict.explanation().signals().contains("fallback:category")) {
				this.categoryFallback++;
			}
		}

		double rate(int count) {
			return (double) count / this.total;
		}

		String summary() {
			StringBuilder out = new StringBuilder();
			out.append(String.format("%s (%d complaints)%n", this.set.file, this.total));
			out.append(String.format(
					"  playbook STANDARD_CARE: %5.1f%%   rootCause UNKNOWN: %5.1f%%   "
							+ "category by fallback (no signal): %5.1f%%%n",
					100 * rate(this.standardCare), 100 * rate(this.unknownCause), 100 * rate(this.categoryFallback)));
			out.append("  categories: ").append(percentages(this.categories)).append('\n');
			out.append("  playbooks:  ").append(percentages(this.playbooks)).append('\n');
			return out.toString();
		}

		private String percentages(Map<String, Integer> counts) {
			StringBuilder out = new StringBuilder();
			counts.forEach((name, count) -> out.append(String.format("%s %.1f%%  ", name, 100.0 * count / this.total)));
			return out.toString().trim();
		}

	}

	/** A small RFC 4180 reader: quoted fields with commas, quotes and line breaks. */
	static final class Csv {

		private Csv() {
		}

		static List<List<String>> read(Reader reader) throws IOException {
			List<List<String>> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			int c;
			while ((c = reader.read()) != -1) {
				if (quoted) {
					if (c == '"') {
						reader.mark(1);
						int next = reader.read();
						if (next == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							if (next == -1) {
								break;
							}
							reader.reset();
						}
					}
					else {
						field.append((char) c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n') {
					row.add(field.toString());
					field.setLength(0);
					rows.add(row);
					row = new ArrayList<>();
				}
				else if (c != '\r') {
					field.append((char) c);
				}
			}
			if (field.length() > 0 || !row.isEmpty()) {
				row.add(field.toString());
				rows.add(row);
			}
			return rows;
		}

	}

}
