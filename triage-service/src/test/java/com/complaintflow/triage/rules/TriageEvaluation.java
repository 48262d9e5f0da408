package com.complaintflow.triage.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs the rules over the labelled set and reports accuracy per field, confusion matrices
 * and the misses; {@code bench/triage-eval.sh} runs {@link #main}.
 */
public final class TriageEvaluation {

	private static final Instant RECEIVED_AT = Instant.parse("2026-11-22T08:00:00Z");

	private final Map<String, Map<String, Map<String, Integer>>> confusion = new LinkedHashMap<>();

	private final Map<String, int[]> scores = new LinkedHashMap<>();

	private final List<String> misses = new ArrayList<>();

	private final int cases;

	private TriageEvaluation(RuleSet rules, List<EvaluationSet.Case> set) {
		this.cases = set.size();
		for (EvaluationSet.Case evalCase : set) {
			Verdict verdict = rules.decide(evalCase.complaint(RECEIVED_AT), evalCase.context());
			Map<String, String> actual = actual(verdict);
			evalCase.expected().forEach((field, expected) -> {
				String got = actual.get(field);
				int[] score = this.scores.computeIfAbsent(field, (key) -> new int[2]);
				score[1]++;
				if (expected.equals(got)) {
					score[0]++;
				}
				else {
					this.misses.add(evalCase.id() + " " + field + ": expected " + expected + ", got " + got + "  | "
							+ evalCase.text());
				}
				this.confusion.computeIfAbsent(field, (key) -> new TreeMap<>())
					.computeIfAbsent(expected, (key) -> new TreeMap<>())
					.merge(got, 1, Integer::sum);
			});
		}
	}

	/** Evaluates the given rules over the labelled set. */
	static TriageEvaluation run(RuleSet rules) {
		return run(rules, EvaluationSet.RESOURCE);
	}

	/** Evaluates the given rules over a labelled set on the classpath. */
	static TriageEvaluation run(RuleSet rules, String resource) {
		return new TriageEvaluation(rules, EvaluationSet.load(resource));
	}

	/** Accuracy of one field, 0 to 1. */
	double accuracy(String field) {
		int[] score = this.scores.get(field);
		return (double) score[0] / score[1];
	}

	/** How often each expected value of a field occurs in the set. */
	Map<String, Integer> support(String field) {
		Map<String, Integer> support = new TreeMap<>();
		this.confusion.get(field)
			.forEach((expected, row) -> support.put(expected, row.values().stream().mapToInt(Integer::intValue).sum()));
		return support;
	}

	String report(boolean withMisses) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("Triage evaluation: %d labelled complaints%n%n", this.cases));
		this.scores.forEach((field, score) -> out.append(
				String.format("  %-10s %5.1f%%  (%d/%d)%n", field, 100.0 * score[0] / score[1], score[0], score[1])));
		this.confusion.forEach((field, rows) -> {
			TreeSet<String> columns = new TreeSet<>();
			rows.values().forEach((row) -> row.keySet().forEach((value) -> columns.add(String.valueOf(value))));
			out.append(String.format("%nConfusion matrix: %s (rows expected, columns decided)%n", field));
			out.append(String.format("  %-22s", ""));
			columns.forEach((column) -> out.append(String.format("%6s", abbreviate(column))));
			out.append('\n');
			rows.forEach((expected, row) -> {
				out.append(String.format("  %-22s", expected));
				columns.forEach((column) -> out.append(String.format("%6s", row.getOrDefault(column, 0))));
				out.append('\n');
			});
		});
		if (withMisses) {
			out.append(String.format("%nMisses (%d):%n", this.misses.size()));
			this.misses.forEach((miss) -> out.append("  ").append(miss).append('\n'));
		}
		return out.toString();
	}

	private static String abbreviate(String value) {
		return (value.length() <= 5) ? value : value.substring(0, 5);
	}

	private static Map<String, String> actual(Verdict verdict) {
		Map<String, String> actual = new LinkedHashMap<>();
		actual.put("category", verdict.category().name());
		actual.put("playbook", verdict.playbook().name());
		actual.put("churnRisk", verdict.churnRisk().name());
		actual.put("emotion", verdict.emotion().name());
		actual.put("nature", verdict.nature().name());
		actual.put("persona", verdict.persona().name());
		actual.put("rootCause", verdict.rootCauseLayer().name());
		return actual;
	}

	public static void main(String[] args) {
		RuleSet rules = (args.length > 0) ? RulesLoader.load(java.nio.file.Path.of(args[0])) : RulesLoader.bundled();
		System.out.println("Rules " + rules.version());
		System.out.println("== Tuning set (" + EvaluationSet.RESOURCE + ") ==");
		System.out.println(run(rules).report(true));
		System.out.println("== Second set (" + EvaluationSet.SECOND + "), first run blind, then used for tuning ==");
		System.out.println(run(rules, EvaluationSet.SECOND).report(true));
		System.out.println("== Third set (" + EvaluationSet.THIRD + "), first run blind, then used for tuning ==");
		System.out.println(run(rules, EvaluationSet.THIRD).report(true));
		System.out.println("== Fourth set (" + EvaluationSet.FOURTH + "), never used for tuning ==");
		System.out.println(run(rules, EvaluationSet.FOURTH).report(true));
	}

}
