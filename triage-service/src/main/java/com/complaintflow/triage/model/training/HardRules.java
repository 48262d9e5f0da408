package com.complaintflow.triage.model.training;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each hard rule was right on the labelled held-out texts, beside the
 * confidence its decisions state: a hard rule overrules the model, so one that is often
 * wrong shows here, and one whose stated confidence is far from its record asks staff too
 * seldom or too often.
 */
public final class HardRules {

	private final Map<String, Tally> byRule = new TreeMap<>();

	/**
	 * Adds the fields a hard rule decided in one labelled text (from several threads at
	 * once, as the written sets are scored).
	 */
	synchronized void add(LabelledExample example, RuleOutcome decided) {
		decided.hard().forEach((field, rule) -> {
			if (example.label(field) == null) {
				return;
			}
			this.byRule.computeIfAbsent(field + "." + rule, (key) -> new Tally())
				.add(decided.confidence().getOrDefault(field, 0.0),
						example.accepts(field, decided.values().get(field)));
		});
	}

	/**
	 * One Markdown table row per rule that decided a labelled field, most texts first.
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

}
