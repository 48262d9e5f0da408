package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.complaintflow.events.Language;
import com.complaintflow.triage.model.FieldClassifier;
import com.complaintflow.triage.model.InvalidModelException;
import com.complaintflow.triage.model.LanguageModel;
import com.complaintflow.triage.model.ModelFile;
import com.complaintflow.triage.model.ModelVersion;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.RulesLoader;

/**
 * The training command ({@code bench/triage-train.sh}): reads the label store and the
 * texts from the data sets' CSVs (plus staff corrections, if given), cross-validates per
 * language (rules alone, model alone, combination), writes the evaluation report, then
 * trains each language's model on all labels and writes the model files beside the rules.
 * <p>
 * Options: {@code --data DIR} (../shared/data), {@code --labels DIR}
 * (triage-service/training/labels), {@code --corrections FILE} (JSON Lines from
 * {@code GET /api/v1/triage/corrections}), {@code --written FILES} (comma-separated
 * hand-written sets trained on, {@link #WRITTEN}), {@code --written-test FILES} (the
 * hand-written sets only scored, {@link #WRITTEN_TEST}), {@code --no-written},
 * {@code --models DIR} (triage-service/src/main/resources/rules/models),
 * {@code --report FILE} (docs/triage-model-evaluation.md), {@code --folds N} (5),
 * {@code --no-cv}, {@code --disagreements FILE} (JSON Lines of the held-out rows whose
 * combined decision differs from the label, per field: the rows to re-read in a label
 * review), {@code --no-models} (cross-validate and report only; the report describes the
 * model files already beside the rules), {@code --in-force DIR} (the models in force,
 * {@link #DEFAULT_MODELS}: each field keeps their operating point unless a new one is
 * better by more than the noise, {@link OperatingPoint#KEEP_MARGIN}),
 * {@code --choose-anew} (every operating point chosen anew, as in cross-validation);
 * {@code -Dtriage.train.cv-seed} shuffles the texts into folds (42). With sentence
 * embeddings ({@code -Dtriage.train.embeddings}, see {@link DenseFeatures}) it
 * cross-validates only: a model file holds no embedding weights. So it does with a
 * {@link LabelBudget} ({@code -Dtriage.train.fraction}, {@code -Dtriage.train.add}): what
 * fewer or more chosen labels would buy.
 */
public final class TrainCommand {

	/**
	 * The hand-written sets trained on, by default: the ones the rules were tuned on and
	 * the fifth, seventh and eighth, written for training.
	 */
	static final String WRITTEN = "triage-service/src/test/resources/eval/triage-eval.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-2.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-3.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-5.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-7.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-8.psv";

	/** The hand-written sets never trained or tuned on: scored with the final model. */
	static final String WRITTEN_TEST = "triage-service/src/test/resources/eval/triage-eval-4.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-6.psv,"
			+ "triage-service/src/test/resources/eval/triage-eval-9.psv";

	/** Where the bundled models are, written by default and kept in force. */
	static final String DEFAULT_MODELS = "triage-service/src/main/resources/rules/models";

	private TrainCommand() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = options(args);
		Path data = Path.of(options.getOrDefault("data", "../shared/data"));
		Path labels = Path.of(options.getOrDefault("labels", "triage-service/training/labels"));
		Path models = Path.of(options.getOrDefault("models", DEFAULT_MODELS));
		Path reportFile = Path.of(options.getOrDefault("report", "docs/triage-model-evaluation.md"));
		int folds = Integer.parseInt(options.getOrDefault("folds", "5"));
		boolean crossValidate = !options.containsKey("no-cv");
		Corrections corrections = options.containsKey("corrections")
				? Corrections.read(Path.of(options.get("corrections"))) : Corrections.NONE;
		List<Path> written = options.containsKey("no-written") ? List.of()
				: Arrays.stream(options.getOrDefault("written", WRITTEN).split(",")).map(Path::of).toList();
		List<Path> writtenTests = options.containsKey("no-written") ? List.of()
				: Arrays.stream(options.getOrDefault("written-test", WRITTEN_TEST).split(",")).map(Path::of).toList();
		RuleSet rules = RulesLoader.bundled();
		DenseFeatures dense = DenseFeatures.fromSystemProperties();
		LabelBudget budget = LabelBudget.fromProperties();
		boolean writeModels = !options.containsKey("no-models") && dense == null && budget.all();
		ModelTrainer trainer = new ModelTrainer(ModelTrainer.Options.defaults(), dense);
		Path inForceDir = Path.of(options.getOrDefault("in-force", DEFAULT_MODELS));
		Map<Language, LanguageModel> inForce = options.containsKey("choose-anew") ? Map.of() : inForce(inForceDir);
		String stamp = ModelVersion.stamp(Instant.now());
		Report report = new Report(stamp, rules.version(), corrections);
		if (corrections.suggested() > 0) {
			System.out.println(Report.suggestionsTaken(corrections));
		}
		report.written(written, writeModels);
		if (dense != null) {
			System.out.println("with " + dense.describe() + " (cross-validation only, no model files)");
			report.setup(dense.describe());
		}
		if (!budget.all()) {
			System.out.println(budget + " (cross-validation only, no model files)");
			report.setup(budget.toString());
		}
		for (LabelStore.DataSet set : LabelStore.DataSet.values()) {
			Path labelFile = labels.resolve(set.labelFile());
			if (!Files.exists(labelFile)) {
				System.out.println("no labels for " + set.name + " at " + labelFile);
				continue;
			}
			List<LabelledExample> examples = LabelStore.examples(labelFile, LabelStore.texts(data, set), set);
			List<LabelledExample> ownCorrections = corrections.examples()
				.stream()
				.filter((example) -> example.language() == set.language)
				.toList();
			Map<Path, List<LabelledExample>> ownWritten = new LinkedHashMap<>();
			written.forEach((file) -> ownWritten.put(file, WrittenSet.examples(file, set.language)));
			Map<Path, List<LabelledExample>> ownTests = new LinkedHashMap<>();
			writtenTests.forEach((file) -> ownTests.put(file, WrittenSet.examples(file, set.language)));
			List<LabelledExample> extra = new ArrayList<>(ownCorrections);
			ownWritten.values().forEach((rows) -> extra.addAll(WrittenSet.weighted(rows)));
			System.out.printf("%s: %d labelled texts, %d corrections, %d written complaints%n", set.name,
					examples.size(), ownCorrections.size(), ownWritten.values().stream().mapToInt(List::size).sum());
			System.out.flush();
			if (crossValidate) {
				CrossValidation.Result result = new CrossValidation(rules, trainer, budget).run(set.language, examples,
						extra, folds, Long.getLong("triage.train.cv-seed", 42));
				report.add(set, result);
				if (options.containsKey("disagreements")) {
					writeDisagreements(Path.of(options.get("disagreements")), set, result);
				}
				WrittenEvaluation writtenEvaluation = new WrittenEvaluation(rules, trainer.keeping(inForce));
				writtenEvaluation.run(set.language, examples, ownCorrections, ownWritten, ownTests)
					.forEach((name, scores) -> report.written(set.language, name, scores));
				writtenEvaluation.hardRules()
					.forEach((name, hard) -> report.hardRules(set.language + " " + name, hard));
			}
			Path modelFile = models.resolve(ModelFile.fileName(set.language));
			if (writeModels) {
				ModelTrainer keeping = trainer.keeping(inForce);
				writeModel(keeping, rules, set, examples, extra, stamp, models, report);
				report.operatingPoints(inForce.containsKey(set.language) ? inForceDir : null,
						keeping.operatingPoints());
			}
			else if (Files.exists(modelFile)) {
				report.modelOnDisk(set, ModelFile.read(modelFile), modelFile, Files.size(modelFile));
			}
			Path second = labels.resolve("second").resolve(set.labelFile());
			if (Files.exists(second)) {
				report.agreement(set, Agreement.kappa(labelFile, second));
			}
		}
		Files.createDirectories(reportFile.toAbsolutePath().getParent());
		Files.writeString(reportFile, report.markdown(), StandardCharsets.UTF_8);
		System.out.println(report.summary());
		System.out.println("report: " + reportFile);
	}

	/**
	 * Trains a language's model on all its labels, corrections and written complaints and
	 * writes its file.
	 */
	private static void writeModel(ModelTrainer trainer, RuleSet rules, LabelStore.DataSet set,
			List<LabelledExample> examples, List<LabelledExample> extra, String stamp, Path models, Report report)
			throws IOException {
		List<ModelTrainer.Doc> docs = new ArrayList<>();
		for (LabelledExample example : examples) {
			docs.add(ModelTrainer.Doc.of(example, Scoring.rules(rules, example)));
		}
		for (LabelledExample example : extra) {
			docs.add(ModelTrainer.Doc.of(example, Scoring.rules(rules, example)));
		}
		String version = ModelVersion.of(stamp, set.language, examples.size(), extra.size());
		LanguageModel model = trainer.train(set.language, docs, version);
		Path file = models.resolve(ModelFile.fileName(set.language));
		ModelFile.write(model, file);
		report.model(set, model, file, Files.size(file));
		System.out.printf("wrote %s (%d n-grams, %d KiB)%n", file, model.vocabulary().size(), Files.size(file) / 1024);
		System.out.flush();
	}

	/**
	 * The models in force in a directory, per language (a language without a readable
	 * file chooses its operating points anew, as the service in force decides it by the
	 * rules alone: a file it cannot read is said, not fatal).
	 */
	static Map<Language, LanguageModel> inForce(Path dir) {
		Map<Language, LanguageModel> models = new LinkedHashMap<>();
		for (Language language : Language.values()) {
			Path file = dir.resolve(ModelFile.fileName(language));
			if (Files.isRegularFile(file)) {
				try {
					models.put(language, ModelFile.read(file));
				}
				catch (InvalidModelException ex) {
					System.out.println("the model in force is unreadable, " + language
							+ "'s operating points are chosen anew: " + ex.getMessage());
				}
			}
		}
		return models;
	}

	private static void writeDisagreements(Path file, LabelStore.DataSet set, CrossValidation.Result result)
			throws IOException {
		StringBuilder lines = new StringBuilder();
		for (CrossValidation.Disagreement one : result.disagreements()) {
			lines.append(String.format(Locale.ROOT,
					"{\"set\":\"%s\",\"key\":\"%s\",\"field\":\"%s\",\"label\":\"%s\",\"decided\":\"%s\"}%n", set.name,
					one.key(), one.field(), one.label(), one.decided()));
		}
		Files.writeString(file, lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
		System.out.printf("%d disagreements appended to %s%n", result.disagreements().size(), file);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--")) {
				String key = args[i].substring(2);
				boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
				options.put(key, flag ? "true" : args[++i]);
			}
		}
		return options;
	}

	/** The evaluation report in Markdown. */
	static final class Report {

		/** Column names of the report's tables, which {@link ReportComparison} reads. */
		static final String TEXTS = "texts";

		static final String DECIDED_BY = "decided by";

		static final String HIGH_RECALL = "churn HIGH recall";

		static final String HIGH_PRECISION = "churn HIGH precision";

		static final String WRONG_FALLBACK = "wrong fallback to STANDARD_CARE";

		/** Before a field's threshold in the Models section: where the model decides. */
		static final String DECIDES_AT = "decides at p >= ";

		private final String stamp;

		private final String rulesVersion;

		private final Corrections corrections;

		private final StringBuilder summary = new StringBuilder();

		private final StringBuilder details = new StringBuilder();

		private final StringBuilder modelsSection = new StringBuilder();

		private final StringBuilder agreementSection = new StringBuilder();

		private final StringBuilder writtenSection = new StringBuilder();

		private final StringBuilder unsureSection = new StringBuilder();

		private final StringBuilder hardRulesSection = new StringBuilder();

		private final RulesRecord rulesRecord = RulesRecord.ofRules();

		private final StringBuilder reliabilityBands = new StringBuilder();

		private final StringBuilder reliabilityErrors = new StringBuilder();

		private final StringBuilder rulesReliabilityBands = new StringBuilder();

		private final StringBuilder rulesReliabilityErrors = new StringBuilder();

		/**
		 * What the agreement compares: the labels as they are now, which a review after
		 * the second pass may have moved towards it.
		 */
		private static final String AGREEMENT_NOTE = "\nThe labels as they are now against the independent "
				+ "second pass (`labels/second/`). Labels reviewed after the second pass was taken agree with it "
				+ "more than their first pass did: this repository's were (docs/triage-accuracy-log.md, label "
				+ "review of 2026-11-30), and docs/triage.md gives the first pass's agreement.\n";

		private String setup = "";

		private String writtenNote = "";

		private String modelsNote = "";

		Report(String stamp, String rulesVersion, Corrections corrections) {
			this.stamp = stamp;
			this.rulesVersion = rulesVersion;
			this.corrections = corrections;
			this.summary
				.append("| set | " + String.join(" | ", TEXTS, DECIDED_BY, "category", "playbook", "persona",
						HIGH_RECALL, HIGH_PRECISION, WRONG_FALLBACK) + " |\n")
				.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
		}

		/**
		 * How many corrections in training are the value the console suggested, against
		 * the share a reader who knows the right value takes (the asking table).
		 */
		static String suggestionsTaken(Corrections corrections) {
			return String.format(Locale.ROOT,
					"Of the %d staff corrections in training the console had suggested a value for, %d (%.1f %%) are "
							+ "that value. Compare the share a reader who knows the right value takes (the asking table's "
							+ "\"suggested: a reader takes it\"): far above it says suggestions were taken unread, and "
							+ "training on them teaches the model its own second guess (docs/OPERATIONS.md, retraining).",
					corrections.suggested(), corrections.taken(), 100 * corrections.takenShare());
		}

		/** Names the hand-written sets in every training fold and in the models. */
		void written(List<Path> files, boolean modelsWritten) {
			if (!files.isEmpty()) {
				this.writtenNote = "; with the hand-written sets "
						+ files.stream().map((file) -> "`" + file.getFileName() + "`").collect(Collectors.joining(", "))
						+ " (rows decided by their text alone) in every training fold"
						+ (modelsWritten ? " and in the models it writes" : "");
			}
		}

		/** Says how the models were trained, when not as the product's are. */
		void setup(String setup) {
			this.setup = "Trained with " + setup + " (an experiment: no model files written).\n\n";
		}

		void add(LabelStore.DataSet set, CrossValidation.Result result) {
			for (String system : CrossValidation.SYSTEMS) {
				Map<String, Scoring.FieldScore> s = result.scores().get(system);
				this.summary.append(String.format(Locale.ROOT,
						"| %s | %d | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f %% |%n", set.name, result.examples(),
						system, s.get("category").accuracy(), s.get("playbook").accuracy(), s.get("persona").accuracy(),
						s.get("churnRisk").recall("HIGH"), s.get("churnRisk").precision("HIGH"),
						100 * s.get("playbook").wrongRate("STANDARD_CARE")));
			}
			this.details.append("\n### ")
				.append(set.name)
				.append(" (")
				.append(result.examples())
				.append(" texts, ")
				.append(result.folds())
				.append("-fold)\n\n");
			this.details.append(
					"| field | scored | rules acc | rules macro-F1 | model acc | model macro-F1 | combined acc | combined macro-F1 | decided by model |\n")
				.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (String field : LabelledExample.FIELDS) {
				Scoring.FieldScore rules = result.scores().get("rules").get(field);
				Scoring.FieldScore model = result.scores().get("model").get(field);
				Scoring.FieldScore combined = result.scores().get("combined").get(field);
				this.details.append(String.format(Locale.ROOT,
						"| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f %% |%n", field, combined.scored,
						rules.accuracy(), rules.macroF1(), model.accuracy(), model.macroF1(), combined.accuracy(),
						combined.macroF1(), 100 * result.decidedByModel().getOrDefault(field, 0.0)));
			}
			this.unsureSection.append(result.unsure().rows(set.name));
			hardRules(set.name, result.hardRules());
			this.reliabilityBands.append(result.reliability().bandRows(set.name));
			this.reliabilityErrors.append(result.reliability().errorRow(set.name));
			this.rulesReliabilityBands.append(result.rulesReliability().bandRows(set.name));
			this.rulesReliabilityErrors.append(result.rulesReliability().errorRow(set.name));
			this.rulesRecord.addAll(result.rulesRecord());
			for (String field : LabelledExample.FIELDS) {
				this.details.append("\n#### ")
					.append(set.name)
					.append(": ")
					.append(field)
					.append(", combined (rows: label, columns: decided)\n\n")
					.append(result.scores().get("combined").get(field).confusionTable());
			}
		}

		/** Adds each hard rule's record on one set. */
		void hardRules(String set, RulesRecord hard) {
			this.hardRulesSection.append(hard.rows(set));
		}

		void written(Language language, String name, Map<String, Map<String, Scoring.FieldScore>> scores) {
			for (Map.Entry<String, Map<String, Scoring.FieldScore>> system : scores.entrySet()) {
				Map<String, Scoring.FieldScore> s = system.getValue();
				this.writtenSection.append(String.format(Locale.ROOT, "| %s | %s | %d | %s |", language, name,
						s.get("category").scored, system.getKey()));
				for (String field : WrittenEvaluation.FIELDS) {
					this.writtenSection.append(String.format(Locale.ROOT, " %.3f |", s.get(field).accuracy()));
				}
				this.writtenSection.append('\n');
			}
		}

		/** Describes a model file this run did not write: the one beside the rules. */
		void modelOnDisk(LabelStore.DataSet set, LanguageModel model, Path file, long bytes) {
			this.modelsNote = "The model files beside the rules, as they were: this run wrote none.\n\n";
			model(set, model, file, bytes);
		}

		void model(LabelStore.DataSet set, LanguageModel model, Path file, long bytes) {
			this.modelsSection.append(String.format(Locale.ROOT, "- `%s` (%s): version `%s`, %d n-grams, %d KiB%n",
					file.getFileName(), set.name, model.version(), model.vocabulary().size(), bytes / 1024));
			for (Map.Entry<String, FieldClassifier> entry : model.classifiers().entrySet()) {
				this.modelsSection
					.append(String.format(Locale.ROOT, "  - %s: %d values, temperature %.2f, " + DECIDES_AT + "%s%n",
							entry.getKey(), entry.getValue().classes().size(), entry.getValue().temperature(),
							(entry.getValue().threshold() > 1) ? "never (rules are better)"
									: String.format(Locale.ROOT, "%.2f", entry.getValue().threshold())));
			}
		}

		/**
		 * Whether each operating point of the model in force (read from {@code inForce},
		 * null when there was none) was kept or replaced.
		 */
		void operatingPoints(Path inForce, List<String> lines) {
			if (inForce == null) {
				this.modelsSection.append(
						"  - every operating point chosen anew (`--choose-anew`, or no readable model in force for the language)\n");
				return;
			}
			this.modelsSection.append(String.format(Locale.ROOT,
					"  - operating points against the model in force (`%s`), replaced only when better by more than "
							+ "%.3f of the out-of-fold objective:%n",
					inForce, OperatingPoint.KEEP_MARGIN));
			lines.forEach((line) -> this.modelsSection.append("    - ").append(line).append('\n'));
		}

		void agreement(LabelStore.DataSet set, Map<String, double[]> kappa) {
			this.agreementSection.append("\n")
				.append(set.name)
				.append(" (")
				.append((int) kappa.values().iterator().next()[2])
				.append(" rows labelled twice)\n\n| field | Cohen's kappa | observed agreement |\n|---|---:|---:|\n");
			kappa.forEach((field, values) -> this.agreementSection
				.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", field, values[0], values[1])));
		}

		String summary() {
			return this.summary.toString() + (this.writtenSection.isEmpty() ? "" : "\n" + writtenMarkdown());
		}

		private String writtenMarkdown() {
			if (this.writtenSection.isEmpty()) {
				return "";
			}
			return "\n## Written complaints (short, in the words the channels take down)\n\n"
					+ "The hand-written sets (`triage-service/src/test/resources/eval`), rows whose labels follow from "
					+ "the text alone. A set the model trains on is scored by a model trained without it (the corpus, "
					+ "the corrections and the other written sets); the test sets, never trained or tuned on, by the "
					+ "model trained on everything. The rules were tuned on every set but the test sets, so their "
					+ "figures on the others are in-sample.\n\n| language | set | " + TEXTS + " | " + DECIDED_BY + " | "
					+ String.join(" | ", WrittenEvaluation.FIELDS) + " |\n|---|---|---:|---|"
					+ "---:|".repeat(WrittenEvaluation.FIELDS.size()) + "\n" + this.writtenSection;
		}

		private String unsureMarkdown() {
			return "\n## Asking staff where triage was unsure\n\n"
					+ "The case page asks staff whether triage is right where the decision's confidence in a field "
					+ "they correct (category, persona, playbook, churn risk) is below a threshold and no one has "
					+ "checked it. Over the held-out texts of the same folds, decided as the service decides: the "
					+ "share of texts that would ask, the fields asked per text, how often a field asked about "
					+ "was wrong and how often one not asked about was, and the share of all wrong fields the "
					+ "questions reach (fields with a label; persona only where it has a cue); last, of the asked "
					+ "fields that were wrong, the share where the console's suggestion is right: the model's most "
					+ "probable value other than the one decided, read from the decision's explanation as the "
					+ "console reads it (its next where it decided the field, what it said where a rule did; "
					+ "the playbook's next one that goes with the category); and of the asked fields with a suggestion, the share a reader who knows the "
					+ "right value would correct to it (the field wrong, the suggestion right): what share of the "
					+ "suggestions staff should take (`triage_decision_checks_total{suggestion}` counts what they "
					+ "do).\n\n"
					+ "| set | below | texts asking | fields asked per text | asked, wrong | not asked, wrong "
					+ "| wrong fields reached | asked and wrong: the next most likely right "
					+ "| suggested: a reader takes it |\n" + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
					+ this.unsureSection;
		}

		private String hardRulesMarkdown() {
			return "\n## Hard rules on the labelled texts\n\n"
					+ "A hard rule's choice stands whatever the model advises. Over the held-out texts of the same "
					+ "folds, then over the written sets as scored above, each hard rule that decided a labelled "
					+ "field: how many texts, how many it got right, that share, and the mean confidence its "
					+ "decisions state (which decides whether the console asks staff about them). The rules were "
					+ "tuned on every written set but the test sets, so their records there are in-sample.\n\n"
					+ "| set | rule | texts | right | share right | confidence stated |\n|---|---|---:|---:|---:|---:|\n"
					+ this.hardRulesSection;
		}

		private String reliabilityMarkdown() {
			return "\n## How far the model's confidence can be trusted\n\n"
					+ "Each field's confidence is the model's probability after calibration (a softmax temperature "
					+ "chosen on the training folds' out-of-fold predictions). Over the held-out texts of the same "
					+ "folds, the fields the model decided (not those a rule did), by the confidence they state: how "
					+ "many, the mean confidence stated and the share right (fields with a label; persona only where "
					+ "it has a cue). A calibrated model is right as often as it says. An offset (churn HIGH raised, "
					+ "STANDARD_CARE lowered) decides some fields for a value other than the most probable, at that "
					+ "value's lower confidence; so does the fit of category and playbook (a playbook never comes "
					+ "with a category it does not belong to), at the value's probability given that the two fit."
					+ "\n\n" + bandTable(this.reliabilityBands)
					+ "\nThe expected calibration error per field, in points: the gap between the confidence stated "
					+ "and the share right in each band, weighed by the band's fields.\n\n"
					+ errorTable(this.reliabilityErrors)
					+ "\nThe rules alone, as triage decides a language without a model: every field at the confidence "
					+ "its rule, score, default or fallback states (the hard rules' own records are below).\n\n"
					+ bandTable(this.rulesReliabilityBands) + "\n" + errorTable(this.rulesReliabilityErrors)
					+ "\nThe rules alone by what decided each field, over the corpora of every language trained: the "
					+ "rule, or the field's keyword score, usual value for the category or fallback; how many fields "
					+ "it decided, how many were right, the mean confidence stated, and the confidence the record "
					+ "supports (right + 1 over decided + 2), which the rules file states.\n\n"
					+ "| what decided | fields | right | mean stated | record supports |\n|---|---:|---:|---:|---:|\n"
					+ this.rulesRecord.supportedRows();
		}

		private static String bandTable(CharSequence rows) {
			return "| set | confidence stated | fields | mean stated | right |\n|---|---|---:|---:|---:|\n" + rows;
		}

		private static String errorTable(CharSequence rows) {
			return "| set | " + String.join(" | ", LabelledExample.FIELDS) + " | all |\n|---|"
					+ "---:|".repeat(LabelledExample.FIELDS.size() + 1) + "\n" + rows;
		}

		String markdown() {
			return "# Triage model: cross-validated evaluation\n\n" + "Written by `bench/triage-train.sh` at "
					+ this.stamp + " (rules " + this.rulesVersion + ", " + this.corrections.examples().size()
					+ " staff corrections in training" + this.writtenNote
					+ "). Accuracy counts an accepted alternative (LABELLING.md section 8) "
					+ "as right; persona is scored only where the label has a cue. Wrong fallback: decided STANDARD_CARE "
					+ "where the label is another playbook, over the texts that are complaints (LABELLING.md section 2: "
					+ "a text that is none is labelled STANDARD_CARE).\n\n"
					+ ((this.corrections.suggested() > 0) ? suggestionsTaken(this.corrections) + "\n\n" : "")
					+ this.setup + "## Summary\n\n" + this.summary + "\n## Per field\n" + this.details
					+ writtenMarkdown() + reliabilityMarkdown() + unsureMarkdown() + hardRulesMarkdown()
					+ "\n## Models\n\n" + this.modelsNote + this.modelsSection + "\n## Agreement between labellers\n"
					+ (this.agreementSection.isEmpty() ? "\nNo second-pass labels yet.\n"
							: AGREEMENT_NOTE + this.agreementSection);
		}

	}

}
