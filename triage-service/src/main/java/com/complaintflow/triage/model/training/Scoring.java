package com.complaintflow.triage.model.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Customer;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.Language;
import com.complaintflow.events.Location;
import com.complaintflow.events.ValueTier;
import com.complaintflow.triage.rules.RuleSet;
import com.complaintflow.triage.rules.TriageContext;

/**
 * Scores decisions against labels, per field: accuracy (an accepted alternative counts as
 * right), macro-F1, the confusion matrix, churn-HIGH recall and the wrong fallback to
 * STANDARD_CARE; and decides texts as the service would (rules alone, or rules with a
 * model).
 */
public final class Scoring {

	private Scoring() {
	}

	/** A complaint carrying only a text, as the preview API builds it. */
	public static ComplaintReceived complaint(String text, Language language, String id) {
		return new ComplaintReceived(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)), "training",
				Instant.parse("2026-11-30T08:00:00Z"), id, "C-" + id, ComplaintEvent.CURRENT_SCHEMA_VERSION,
				Channel.HOTLINE, new Customer("C-" + id, null, null, ValueTier.SILVER), null, new Location("XX", null),
				text, null, null, null, (BigDecimal) null, EmotionCues.NONE, language);
	}

	/** What the rules alone decide for an example. */
	public static RuleOutcome rules(RuleSet rules, LabelledExample example) {
		ComplaintReceived complaint = complaint(example.text(), example.language(), example.key());
		RuleSet.Analysis analysis = rules.analyze(complaint);
		return RuleOutcome.of(rules.decide(analysis, TriageContext.NONE), analysis.signals());
	}

	/**
	 * What rules and a model (perhaps with sentence embeddings) together decide for an
	 * example.
	 */
	public static RuleOutcome combined(RuleSet rules, AugmentedModel model, LabelledExample example) {
		ComplaintReceived complaint = complaint(example.text(), example.language(), example.key());
		RuleSet.Analysis analysis = rules.analyze(complaint, (signals) -> model.advise(example, signals));
		return RuleOutcome.of(rules.decide(analysis, TriageContext.NONE), analysis.signals());
	}

	/**
	 * The model's own choice per field (the most probable value), given the signals the
	 * rules fired.
	 */
	public static Map<String, String> modelOnly(AugmentedModel model, LabelledExample example, List<String> signals) {
		Map<String, String> values = new LinkedHashMap<>();
		model.advise(example, signals).forEach((field, advice) -> values.put(field, advice.value()));
		return values;
	}

	/** Scores of one field for one way of deciding. */
	public static final class FieldScore {

		final String field;

		int scored;

		int right;

		final Map<String, Map<String, Integer>> confusion = new TreeMap<>();

		/** The scored texts that are complaints at all (LABELLING.md section 2). */
		int complaints;

		/** Per decided value, how often it was wrong on a complaint. */
		final Map<String, Integer> wrongOnComplaints = new TreeMap<>();

		public FieldScore(String field) {
			this.field = field;
		}

		/**
		 * Adds one decision; a field without a label (persona with no cue) is not scored.
		 */
		public void add(LabelledExample example, String predicted) {
			String label = example.label(this.field);
			if (label == null || predicted == null) {
				return;
			}
			this.scored++;
			boolean ok = example.accepts(this.field, predicted);
			if (ok) {
				this.right++;
			}
			if (example.complaint()) {
				this.complaints++;
				if (!ok) {
					this.wrongOnComplaints.merge(predicted, 1, Integer::sum);
				}
			}
			String gold = ok ? predicted : label;
			this.confusion.computeIfAbsent(gold, (key) -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
		}

		public double accuracy() {
			return (this.scored == 0) ? 0 : (double) this.right / this.scored;
		}

		/**
		 * Mean F1 over the labelled values (accepted alternatives count as the label).
		 */
		public double macroF1() {
			Set<String> values = new LinkedHashSet<>(this.confusion.keySet());
			double sum = 0;
			int count = 0;
			for (String value : values) {
				int tp = this.confusion.getOrDefault(value, Map.of()).getOrDefault(value, 0);
				int goldCount = this.confusion.getOrDefault(value, Map.of())
					.values()
					.stream()
					.mapToInt(Integer::intValue)
					.sum();
				int predicted = 0;
				for (Map<String, Integer> row : this.confusion.values()) {
					predicted += row.getOrDefault(value, 0);
				}
				double precision = (predicted == 0) ? 0 : (double) tp / predicted;
				double recall = (goldCount == 0) ? 0 : (double) tp / goldCount;
				sum += (precision + recall == 0) ? 0 : 2 * precision * recall / (precision + recall);
				count++;
			}
			return (count == 0) ? 0 : sum / count;
		}

		/** Recall of one labelled value. */
		public double recall(String value) {
			Map<String, Integer> row = this.confusion.getOrDefault(value, Map.of());
			int total = row.values().stream().mapToInt(Integer::intValue).sum();
			return (total == 0) ? Double.NaN : (double) row.getOrDefault(value, 0) / total;
		}

		/** Precision of one decided value (accepted alternatives count as right). */
		public double precision(String value) {
			int decided = 0;
			for (Map<String, Integer> row : this.confusion.values()) {
				decided += row.getOrDefault(value, 0);
			}
			return (decided == 0) ? Double.NaN
					: (double) this.confusion.getOrDefault(value, Map.of()).getOrDefault(value, 0) / decided;
		}

		/**
		 * Decisions of the value whose label (or alternative) is another value, over the
		 * complaints scored: a text that is no complaint at all is labelled
		 * STANDARD_CARE, and a set of complaints (what the channels send) is what the
		 * limit is for.
		 */
		public double wrongRate(String value) {
			return (this.complaints == 0) ? 0
					: (double) this.wrongOnComplaints.getOrDefault(value, 0) / this.complaints;
		}

		/** The confusion matrix as a Markdown table (rows: label, columns: decided). */
		public String confusionTable() {
			Set<String> columns = new TreeSet<>();
			this.confusion.values().forEach((row) -> columns.addAll(row.keySet()));
			columns.addAll(this.confusion.keySet());
			StringBuilder out = new StringBuilder("| label \\ decided |");
			columns.forEach((column) -> out.append(' ').append(abbreviate(column)).append(" |"));
			out.append("\n|---|");
			columns.forEach((column) -> out.append("---:|"));
			out.append('\n');
			for (String label : columns) {
				Map<String, Integer> row = this.confusion.getOrDefault(label, Map.of());
				if (row.isEmpty()) {
					continue;
				}
				out.append("| ").append(label).append(" |");
				columns.forEach((column) -> out.append(' ').append(row.getOrDefault(column, 0)).append(" |"));
				out.append('\n');
			}
			return out.toString();
		}

		private static String abbreviate(String value) {
			List<String> parts = new ArrayList<>();
			for (String part : value.split("_")) {
				parts.add(part.substring(0, Math.min(4, part.length())));
			}
			return String.join("_", parts);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s %.3f (n=%d)", this.field, accuracy(), this.scored);
		}

	}

}
