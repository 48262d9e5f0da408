package com.complaintflow.triage.model.training;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.complaintflow.events.DecidedBy;

/**
 * How often each rule (or the rules' score, category default and fallback of a field) was
 * right on labelled texts, beside the confidence its decisions state and the confidence
 * its record supports: a hard rule overrules the model, so one that is often wrong shows
 * here, and one whose stated confidence is far from its record asks staff too seldom or
 * too often.
 */
public final class RulesRecord {

	private final Set<String> sources;

	private final Map<String, Tally> byRule = new TreeMap<>();

	private RulesRecord(Set<String> sources) {
		this.sources = sources;
	}

	/** The record of the hard rules alone. */
	static RulesRecord ofHardRules() {
		return new RulesRecord(Set.of(DecidedBy.HARD_RULE));
	}

	/**
	 * The record of everything in the rules that decided a field, hard rules among them.
	 */
	static RulesRecord ofRules() {
		return new RulesRecord(RuleOutcome.BY_RULES);
	}

	/**
	 * Adds the labelled fields the rules decided in one text (from several threads at
	 * once, as the written sets are scored).
	 */
	synchronized void add(LabelledExample example, RuleOutcome decided) {
		decided.rulesBy().forEach((field, rule) -> {
			if (!LabelledExample.FIELDS.contains(field) || example.label(field) == null
					|| !this.sources.contains(decided.decidedBy().getOrDefault(field, ""))) {
				return;
			}
			this.byRule.computeIfAbsent(field + "." + rule, (key) -> new Tally())
				.add(decided.confidence().getOrDefault(field, 0.0),
						example.accepts(field, decided.values().get(field)));
		});
	}

	/** Adds another record's counts to this one's (one language's to the other's). */
	synchronized void addAll(RulesRecord other) {
		other.byRule.forEach((rule, tally) -> this.byRule.computeIfAbsent(rule, (key) -> new Tally()).addAll(tally));
	}

	/**
	 * The confidence a rule's record supports: its share right after one right and one
	 * wrong decision are added (Laplace's rule of succession), so a rule with few texts
	 * is not taken as sure or hopeless on their strength alone.
	 */
	static double supported(Tally tally) {
		return (tally.right() + 1.0) / (tally.count() + 2.0);
	}

	/**
	 * One Markdown table row per rule that decided a labelled field, most texts first:
	 * the texts, those right, their share, the mean confidence stated.
	 */
	public synchronized String rows(String set) {
		StringBuilder rows = new StringBuilder();
		this.byRule.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<String, Tally> entry) -> -entry.getValue().count()))
			.forEach((entry) -> {
				Tally tally = entry.getValue();
				rows.append(String.format(Locale.ROOT, "| %s | `%s` | %d | %d | %.2f | %.2f |%n", set, entry.getKey(),
						tally.count(), tally.right(), tally.shareRight(), tally.meanStated()));
			});
		return rows.toString();
	}

	/**
	 * One Markdown table row per rule, field by field and most texts first: the texts,
	 * those right, the mean confidence stated and the confidence the record supports.
	 */
	public synchronized String supportedRows() {
		StringBuilder rows = new StringBuilder();
		this.byRule.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<String, Tally> entry) -> field(entry.getKey()))
				.thenComparing((entry) -> -entry.getValue().count()))
			.forEach((entry) -> {
				Tally tally = entry.getValue();
				rows.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %.2f | %.2f |%n", entry.getKey(),
						tally.count(), tally.right(), tally.meanStated(), supported(tally)));
			});
		return rows.toString();
	}

	private static int field(String rule) {
		return LabelledExample.FIELDS.indexOf(rule.substring(0, rule.indexOf('.')));
	}

}
