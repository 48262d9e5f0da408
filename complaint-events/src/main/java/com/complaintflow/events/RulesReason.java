package com.complaintflow.events;

import java.util.Locale;

/**
 * A field decided by triage's rules, as one of the explanation's signals reads it
 * ({@code rule:category.outage}, {@code score:category.NETWORK=3.0},
 * {@code default:playbook.byCategory.NETWORK}, {@code fallback:persona}): triage writes
 * it, its training report and the console read it back to say which rule decided.
 *
 * @param source what in the rules decided the field
 * @param field the decided field's key ({@code category}, {@code churnRisk}, ...)
 * @param detail the rule's id, the winning score, or the default's key; empty for the
 * fallback
 */
public record RulesReason(Source source, String field, String detail) {

	/** A rule's reason for a field. */
	public static RulesReason rule(String field, String ruleId) {
		return new RulesReason(Source.RULE, field, ruleId);
	}

	/** The signal as the explanation carries it. */
	public String signal() {
		return this.source.key() + ":" + this.field + (this.detail.isEmpty() ? "" : "." + this.detail);
	}

	/** The rule's id, where a rule decided the field; null otherwise. */
	public String ruleId() {
		return (this.source == Source.RULE) ? this.detail : null;
	}

	/** The rules reason a signal states, or null for any other signal. */
	public static RulesReason parse(String signal) {
		int colon = (signal != null) ? signal.indexOf(':') : -1;
		Source source = (colon > 0) ? Source.of(signal.substring(0, colon)) : null;
		if (source == null) {
			return null;
		}
		int end = colon + 1;
		while (end < signal.length() && Character.isLetter(signal.charAt(end))) {
			end++;
		}
		if (end == colon + 1 || (end < signal.length() && signal.charAt(end) != '.')) {
			return null;
		}
		String detail = (end < signal.length()) ? signal.substring(end + 1) : "";
		return new RulesReason(source, signal.substring(colon + 1, end), detail);
	}

	/** What in the rules decided a field. */
	public enum Source {

		/** A rule of the rules file matched. */
		RULE,

		/** The keywords' scores: the value that scored highest. */
		SCORE,

		/** The usual value for the category. */
		DEFAULT,

		/** None of the above: the field's fallback value. */
		FALLBACK;

		/** The source as the signal writes it ({@code rule}). */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		private static Source of(String key) {
			for (Source source : values()) {
				if (source.key().equals(key)) {
					return source;
				}
			}
			return null;
		}

	}

}
