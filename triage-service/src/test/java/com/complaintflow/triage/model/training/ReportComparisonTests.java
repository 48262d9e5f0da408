package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Candidate models are accepted when no combined figure of the corpus or of a written set
 * never trained on fell beyond the noise and the wrong fallback stays within its target;
 * the rules' and the model's own rows, and the written sets trained on, do not decide.
 */
class ReportComparisonTests {

	/** The report of the models in force in the made-up reports' tests. */
	private static final String IN_FORCE = report(0.800, 0.850, 4.0, 0.900);

	@Test
	void theCommittedReportIsReadAndAcceptsItself() throws IOException {
		Map<String, ReportComparison.Row> rows = ReportComparison
			.rows(Files.readString(Path.of("../docs/triage-model-evaluation.md"), StandardCharsets.UTF_8));

		assertThat(rows.keySet()).contains("comcast-fcc-2015-dev", "weibo-telecom-complaints-zh-dev",
				"EN triage-eval-9.psv (never trained or tuned on)", "ZH triage-eval-4.psv (never trained or tuned on)")
			.hasSize(8);
		assertThat(rows.get("comcast-fcc-2015-dev").texts()).isEqualTo(1500);
		assertThat(rows.get("comcast-fcc-2015-dev").figures()).containsKeys("category", "playbook", "persona",
				"churn HIGH recall", "wrong fallback to STANDARD_CARE");
		assertThat(rejected(rows, rows)).isEmpty();
	}

	@Test
	void aFallWithinTheNoiseIsAcceptedAndOneBeyondItRejected() {
		assertThat(rejectedFrom(report(0.785, 0.805, 4.9, 0.880))).isEmpty();
		assertThat(rejectedFrom(report(0.775, 0.850, 4.0, 0.900))).containsExactly("corpus category");
		assertThat(rejectedFrom(report(0.800, 0.790, 4.0, 0.900))).containsExactly("corpus churn HIGH recall");
		assertThat(rejectedFrom(report(0.800, 0.850, 5.2, 0.900)))
			.containsExactly("corpus wrong fallback to STANDARD_CARE");
	}

	@Test
	void aSmallWrittenSetMayLoseOneScoredRowButNotTwo() {
		assertThat(rejectedFrom(report(0.800, 0.850, 4.0, 0.880))).isEmpty();
		assertThat(rejectedFrom(report(0.800, 0.850, 4.0, 0.860)))
			.containsExactly("EN set-9.psv (never trained or tuned on) category");
		// persona scored on 45 of the 50: 41 -> 40 right is one row, 41 -> 39 two
		assertThat(rejectedFrom(report(0.800, 0.850, 4.0, 0.900, 40.0 / 45))).isEmpty();
		assertThat(rejectedFrom(report(0.800, 0.850, 4.0, 0.900, 39.0 / 45)))
			.containsExactly("EN set-9.psv (never trained or tuned on) persona");
	}

	@Test
	void aRowTheCandidateDidNotScoreRejectsIt() {
		String withoutWritten = report(0.800, 0.850, 4.0, 0.900).lines()
			.filter((line) -> !line.contains("set-9"))
			.reduce("", (text, line) -> text + line + "\n");

		assertThat(rejectedFrom(withoutWritten)).contains("EN set-9.psv (never trained or tuned on) category");
	}

	@Test
	void theCommittedReportSaysWhereEachModelDecidesEachField() throws IOException {
		Map<String, String> thresholds = ReportComparison
			.thresholds(Files.readString(Path.of("../docs/triage-model-evaluation.md"), StandardCharsets.UTF_8));

		assertThat(thresholds).hasSize(14).containsEntry("EN playbook", "0.45").containsEntry("ZH category", "0.00");
	}

	@Test
	void aThresholdThatMovedIsNamedAndNoOtherIs() {
		Map<String, String> inForce = ReportComparison.thresholds(models("0.45", "0.00"));

		assertThat(ReportComparison.movedThresholds(inForce, ReportComparison.thresholds(models("0.50", "0.00"))))
			.singleElement()
			.satisfies((line) -> assertThat(line).startsWith("EN playbook").endsWith("0.45 -> 0.50"));
		assertThat(ReportComparison.movedThresholds(inForce, ReportComparison.thresholds(models("0.45", "0.00"))))
			.isEmpty();
		assertThat(ReportComparison.movedThresholds(inForce,
				ReportComparison.thresholds(models("0.45", "never (rules are better)"))))
			.containsExactly(String.format("%-60s decides at p >= 0.00 -> never (rules are better)", "ZH persona"));
	}

	@Test
	void thePointsKeptFromTheModelsInForceAreListed() {
		String candidate = models("0.45", "0.00").replace("## Agreement",
				"""
						  - operating points against the model in force (`models`), replaced only when better by more than 0.005:
						    - EN churnRisk: p >= 0.00, HIGH +1.00 (objective 1.1534) kept, still the best
						    - EN playbook: p >= 0.45, STANDARD_CARE -0.75 (objective 0.6719) kept against the best, p >= 0.50, STANDARD_CARE -0.75 (0.6720)
						    - EN persona: p >= 0.00 (objective 0.6000) replaced by the best, p >= 0.00 (0.6200)

						## Agreement""");

		assertThat(ReportComparison.keptPoints(candidate)).containsExactly(
				"EN playbook: p >= 0.45, STANDARD_CARE -0.75 (objective 0.6719) kept against the best, p >= 0.50, "
						+ "STANDARD_CARE -0.75 (0.6720)");
		assertThat(ReportComparison.thresholds(candidate)).containsEntry("EN playbook", "0.45").hasSize(4);
		assertThat(ReportComparison.keptPoints(models("0.45", "0.00"))).isEmpty();
	}

	/** A report's Models section: English playbook's and Chinese persona's thresholds. */
	private static String models(String englishPlaybook, String chinesePersona) {
		return """
				## Models

				- `triage-model-en.bin.gz` (corpus): version `v-en`, 10 n-grams, 1 KiB
				  - persona: 3 values, temperature 2.18, decides at p >= 0.00
				  - playbook: 9 values, temperature 1.08, decides at p >= %s
				- `triage-model-zh.bin.gz` (corpus): version `v-zh`, 10 n-grams, 1 KiB
				  - persona: 3 values, temperature 2.18, decides at p >= %s
				  - playbook: 9 values, temperature 1.43, decides at p >= 0.00

				## Agreement between labellers

				  - persona: 3 values, temperature 2.18, decides at p >= 0.99
				""".formatted(englishPlaybook, chinesePersona);
	}

	/** What rejects the candidate's report against the report of {@link #IN_FORCE}. */
	private static List<String> rejectedFrom(String candidateReport) {
		return rejected(ReportComparison.rows(IN_FORCE), ReportComparison.rows(candidateReport));
	}

	private static String report(double category, double recall, double fallback, double writtenCategory) {
		return report(category, recall, fallback, writtenCategory, 41.0 / 45);
	}

	/**
	 * A report whose rules, model and held-out rows would all reject if they were read.
	 */
	private static String report(double category, double recall, double fallback, double writtenCategory,
			double writtenPersona) {
		return """
				# Triage model: cross-validated evaluation

				## Summary

				| set | texts | decided by | category | churn HIGH recall | churn HIGH precision | wrong fallback to STANDARD_CARE |
				|---|---:|---|---:|---:|---:|---:|
				| corpus | 1500 | rules | %.3f | 0.100 | 0.100 | 9.9 %% |
				| corpus | 1500 | model | %.3f | 0.100 | 0.100 | 9.9 %% |
				| corpus | 1500 | combined | %.3f | %.3f | 0.100 | %.1f %% |

				## Written complaints

				| language | set | texts | decided by | category | persona |
				|---|---|---:|---|---:|---:|
				| EN | set-5.psv (held out) | 110 | combined | 0.100 | 0.100 |
				| EN | set-9.psv (never trained or tuned on) | 50 | rules | 0.100 | 0.100 |
				| EN | set-9.psv (never trained or tuned on) | 50 | combined | %.3f | %.3f |
				"""
			.formatted(category - 0.3, category - 0.2, category, recall, fallback, writtenCategory, writtenPersona);
	}

	private static List<String> rejected(Map<String, ReportComparison.Row> inForce,
			Map<String, ReportComparison.Row> candidate) {
		return ReportComparison.compare(inForce, candidate)
			.stream()
			.filter(ReportComparison.Change::rejects)
			.map((change) -> change.row() + " " + change.figure())
			.toList();
	}

}
