package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Agreement between two independent labellings of the same rows: Cohen's kappa per field
 * (persona's "no cue" counts as a value of its own).
 */
public final class Agreement {

	/** The fields compared, with is_complaint first. */
	public static final List<String> FIELDS = List.of("is_complaint", "category", "playbook", "churnRisk", "persona",
			"nature", "emotion", "rootCause");

	private Agreement() {
	}

	/**
	 * Kappa and observed agreement per field over the keys both files label.
	 * @return field to {kappa, observed agreement, rows}
	 */
	public static Map<String, double[]> kappa(Path first, Path second) throws IOException {
		Map<String, JsonNode> a = read(first);
		Map<String, JsonNode> b = read(second);
		Map<String, double[]> result = new LinkedHashMap<>();
		for (String field : FIELDS) {
			List<String> left = new ArrayList<>();
			List<String> right = new ArrayList<>();
			b.forEach((key, row) -> {
				JsonNode other = a.get(key);
				if (other != null) {
					left.add(value(other, field));
					right.add(value(row, field));
				}
			});
			result.put(field, new double[] { kappa(left, right), observed(left, right), left.size() });
		}
		return result;
	}

	static double kappa(List<String> left, List<String> right) {
		int n = left.size();
		if (n == 0) {
			return Double.NaN;
		}
		Map<String, Integer> leftCounts = new HashMap<>();
		Map<String, Integer> rightCounts = new HashMap<>();
		for (int i = 0; i < n; i++) {
			leftCounts.merge(left.get(i), 1, Integer::sum);
			rightCounts.merge(right.get(i), 1, Integer::sum);
		}
		double expected = 0;
		for (Map.Entry<String, Integer> entry : leftCounts.entrySet()) {
			expected += (entry.getValue() / (double) n) * (rightCounts.getOrDefault(entry.getKey(), 0) / (double) n);
		}
		double observed = observed(left, right);
		return (expected >= 1) ? 1 : (observed - expected) / (1 - expected);
	}

	private static double observed(List<String> left, List<String> right) {
		int agree = 0;
		for (int i = 0; i < left.size(); i++) {
			if (left.get(i).equals(right.get(i))) {
				agree++;
			}
		}
		return left.isEmpty() ? Double.NaN : (double) agree / left.size();
	}

	private static String value(JsonNode row, String field) {
		JsonNode value = row.get(field);
		return (value == null || value.isNull()) ? "none" : value.asString();
	}

	private static Map<String, JsonNode> read(Path file) throws IOException {
		Map<String, JsonNode> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank()) {
				JsonNode node = LabelStore.json().readTree(line);
				rows.put(node.get("key").asString(), node);
			}
		}
		return rows;
	}

}
