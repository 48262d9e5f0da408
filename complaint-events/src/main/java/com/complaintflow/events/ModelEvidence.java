package com.complaintflow.events;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features that weighed most for the value followup's console suggests where triage
 * was unsure: a value triage's learned model ranked but triage did not decide, as one of
 * the explanation's signals reads it
 * ({@code evidence:category.BILLING('bill' +0.42, 'charge' +0.18)}), so staff see why the
 * model thinks so before they take it.
 *
 * @param field the field's key ({@code category}, {@code playbook}, ...)
 * @param value the suggested value
 * @param evidence the features that weighed most for it, largest first
 */
public record ModelEvidence(String field, String value, List<ModelReason.Weighed> evidence) {

	/** What a model evidence's signal starts with. */
	public static final String PREFIX = "evidence:";

	private static final Pattern SIGNAL = Pattern.compile("evidence:([A-Za-z]+)\\.([A-Z0-9_]+)\\((.*)\\)",
			Pattern.DOTALL);

	public ModelEvidence {
		evidence = List.copyOf(evidence);
	}

	/** The signal as the explanation carries it. */
	public String signal() {
		return PREFIX + this.field + '.' + this.value + '(' + ModelReason.weighed(this.evidence) + ')';
	}

	/**
	 * The features that weighed most for a value of a field, from a decision's signals;
	 * none where they were not recorded (a value the console does not suggest, or a
	 * decision before 2026-12-06).
	 */
	public static List<ModelReason.Weighed> of(List<String> signals, String field, String value) {
		return Explanation
			.firstSignal(signals, ModelEvidence::parse,
					(evidence) -> evidence.field().equals(field) && evidence.value().equals(value))
			.map(ModelEvidence::evidence)
			.orElse(List.of());
	}

	/** The model evidence a signal states, or null for any other signal. */
	public static ModelEvidence parse(String signal) {
		Matcher matcher = (signal != null && signal.startsWith(PREFIX)) ? SIGNAL.matcher(signal) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		return new ModelEvidence(matcher.group(1), matcher.group(2), ModelReason.weighedIn(matcher.group(3)));
	}

}
