package com.complaintflow.triage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.ModelFile;
import com.complaintflow.triage.model.ModelRegistry;

/**
 * Runs the rules, alone or with the learned models as the service decides, over a
 * labelled set and reports accuracy per field, confusion matrices and the misses;
 * {@code bench/triage-eval.sh} runs {@link #main}.
 */
public final class TriageEvaluation {

	private static final Instant RECEIVED_AT = Instant.parse("2026-11-22T08:00:00Z");

	private final Map<String, Map<String, Map<String, Integer>>> confusion = new LinkedHashMap<>();

	private final Map<String, int[]> scores = new LinkedHashMap<>();

	private final List<String> misses = new ArrayList<>();

	private final int cases;

	private TriageEvaluation(RuleSet rules, Advisor advisor, List<EvaluationSet.Case> set) {
		this.cases = set.size();
		for (EvaluationSet.Case evalCase : set) {
			ComplaintReceived complaint = evalCase.complaint(RECEIVED_AT);
			Verdict verdict = rules.decide(rules.analyze(complaint, (signals) -> advisor.apply(complaint, signals)),
					evalCase.context());
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
		return run(rules, RULES_ALONE, resource);
	}

	/**
	 * Evaluates the given rules with a model's advice over a labelled set on the
	 * classpath.
	 */
	static TriageEvaluation run(RuleSet rules, Advisor advisor, String resource) {
		return new TriageEvaluation(rules, advisor, EvaluationSet.load(resource));
	}

	/**
	 * The advice of the bundled learned models, as the service's model registry gives it.
	 */
	static Advisor bundledModels() {
		Map<Language, LanguageModel> models = new EnumMap<>(Language.class);
		for (Language language : Language.values()) {
			String resource = ModelRegistry.BUNDLED_DIR + ModelFile.fileName(language);
			try (InputStream in = TriageEvaluation.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("No bundled model " + resource);
				}
				models.put(language, ModelFile.read(in, language.name()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return (complaint, signals) -> models.get(complaint.language()).advise(complaint.description(), signals);
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

	/** Per-field accuracy only: what is read of a set never trained or tuned on. */
	String totals() {
		StringBuilder out = new StringBuilder();
		out.append(String.format("Triage evaluation: %d labelled complaints%n%n", this.cases));
		this.scores.forEach((field, score) -> out.append(
				String.format("  %-10s %5.1f%%  (%d/%d)%n", field, 100.0 * score[0] / score[1], score[0], score[1])));
		return out.toString();
	}

	String report(boolean withMisses) {
		StringBuilder out = new StringBuilder(totals());
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

	/**
	 * The model's advice (field key to advice) for a complaint, given the rules' signals.
	 */
	interface Advisor extends BiFunction<ComplaintReceived, List<String>, Map<String, Advice>> {

	}

	/**
	 * The sets written by writers who saw neither the rules nor the other sets and never
	 * trained or tuned on: only their totals are printed.
	 */
	private static final List<String> BLIND = List.of(EvaluationSet.SIXTH, EvaluationSet.NINTH);

	private static final Advisor RULES_ALONE = (complaint, signals) -> Map.of();

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
		Map<String, String> rulesHistory = new LinkedHashMap<>();
		rulesHistory.put(EvaluationSet.RESOURCE, "the tuning set");
		rulesHistory.put(EvaluationSet.SECOND, "first run blind, then used for tuning");
		rulesHistory.put(EvaluationSet.THIRD, "first run blind, then used for tuning");
		rulesHistory.put(EvaluationSet.FOURTH, "never used for tuning");
		rulesHistory.put(EvaluationSet.FIFTH, "first run blind, then used for tuning and training");
		rulesHistory.put(EvaluationSet.SIXTH, "never used for tuning");
		rulesHistory.put(EvaluationSet.SEVENTH, "first run blind, then used for tuning and training");
		rulesHistory.put(EvaluationSet.EIGHTH, "first run blind, then used for tuning and training");
		rulesHistory.put(EvaluationSet.NINTH, "never used for tuning");
		rulesHistory.put(EvaluationSet.GUIDE, "the labelling guide's examples");
		List<String> neverTrainedOn = List.of(EvaluationSet.FOURTH, EvaluationSet.SIXTH, EvaluationSet.NINTH,
				EvaluationSet.GUIDE);
		rulesHistory.forEach((set, history) -> {
			System.out.println("== Rules alone: " + set + ", " + history + " ==");
			System.out.println(print(run(rules, set), set));
		});
		Advisor models = bundledModels();
		for (String set : List.of(EvaluationSet.RESOURCE, EvaluationSet.SECOND, EvaluationSet.THIRD,
				EvaluationSet.FIFTH, EvaluationSet.SEVENTH, EvaluationSet.EIGHTH, EvaluationSet.FOURTH,
				EvaluationSet.SIXTH, EvaluationSet.NINTH, EvaluationSet.GUIDE)) {
			System.out.println("== Rules and the bundled models, as the service decides: " + set
					+ (neverTrainedOn.contains(set) ? ", never trained on ==" : ", trained on (in-sample) =="));
			System.out.println(print(run(rules, models, set), set));
		}
	}

	/**
	 * The whole report, or only the totals of a blind test set (whose rows no one should
	 * tune on).
	 */
	private static String print(TriageEvaluation result, String set) {
		return BLIND.contains(set) ? result.totals() : result.report(true);
	}

}
