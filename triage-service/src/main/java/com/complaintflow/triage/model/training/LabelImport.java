package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts labellers' tab-separated files (key, is_complaint, category, playbook, churn,
 * persona or null, nature, emotion, rootCause, confidence, alt as {@code field=VALUE;...}
 * or {@code -}) into the label store: {@code main <labels-dir> <out-dir>} reads
 * {@code fcc-*.tsv} and {@code weibo-*.tsv} into the two data sets' files, and
 * {@code second-fcc.tsv} / {@code second-weibo.tsv} into {@code second/}.
 */
public final class LabelImport {

	private static final String[] COLUMNS = { "key", "is_complaint", "category", "playbook", "churnRisk", "persona",
			"nature", "emotion", "rootCause", "confidence", "alt" };

	private LabelImport() {
	}

	public static void main(String[] args) throws IOException {
		Path in = Path.of(args[0]);
		Path out = Path.of(args[1]);
		int first = convert(in, "fcc-", out.resolve(LabelStore.DataSet.COMCAST.labelFile()));
		int second = convert(in, "weibo-", out.resolve(LabelStore.DataSet.WEIBO.labelFile()));
		int third = convert(in, "second-fcc", out.resolve("second").resolve(LabelStore.DataSet.COMCAST.labelFile()));
		int fourth = convert(in, "second-weibo", out.resolve("second").resolve(LabelStore.DataSet.WEIBO.labelFile()));
		System.out.printf("labels: %d Comcast, %d Weibo; second pass: %d Comcast, %d Weibo%n", first, second, third,
				fourth);
	}

	/**
	 * Converts every {@code prefix*.tsv} into one label file; returns the rows written.
	 */
	static int convert(Path dir, String prefix, Path target) throws IOException {
		List<Path> files = new ArrayList<>();
		try (var listing = Files.list(dir)) {
			listing.filter((file) -> file.getFileName().toString().startsWith(prefix))
				.filter((file) -> file.getFileName().toString().endsWith(".tsv"))
				.sorted()
				.forEach(files::add);
		}
		if (files.isEmpty()) {
			return 0;
		}
		Map<String, ObjectNode> rows = new LinkedHashMap<>();
		for (Path file : files) {
			String labeller = file.getFileName().toString().replace(".tsv", "");
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				ObjectNode row = parse(line, labeller);
				if (row != null) {
					rows.put(row.get("key").asString(), row);
				}
			}
		}
		LabelStore.write(target, rows);
		return rows.size();
	}

	/** One TSV line as a label record, or null for a blank or malformed line. */
	static ObjectNode parse(String line, String labeller) {
		String[] cells = line.split("\t", -1);
		if (line.isBlank() || cells.length < COLUMNS.length - 1) {
			return null;
		}
		ObjectNode row = LabelStore.json().createObjectNode();
		row.put("key", cells[0].trim());
		row.put("labeller", labeller);
		row.put("is_complaint", Boolean.parseBoolean(cells[1].trim()));
		for (int i = 2; i <= 9; i++) {
			String value = cells[i].trim();
			if (value.isEmpty() || value.equals("null") || value.equals("-")) {
				row.putNull(COLUMNS[i]);
			}
			else {
				row.put(COLUMNS[i], value);
			}
		}
		ObjectNode alt = row.putObject("alt");
		String alternatives = (cells.length > 10) ? cells[10].trim() : "-";
		if (!alternatives.equals("-") && !alternatives.isEmpty()) {
			for (String part : alternatives.split(";")) {
				int eq = part.indexOf('=');
				if (eq <= 0) {
					continue;
				}
				String field = part.substring(0, eq).trim();
				field = field.equals("churn") ? "churnRisk" : field;
				ArrayNode values = alt.has(field) ? (ArrayNode) alt.get(field) : alt.putArray(field);
				for (String value : part.substring(eq + 1).split(",")) {
					if (!value.isBlank()) {
						values.add(value.trim());
					}
				}
			}
		}
		return row;
	}

}
