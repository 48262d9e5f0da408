package com.complaintflow.events;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What triage's learned model said of a field the rules decided, as one of the
 * explanation's signals reads it ({@code advice:playbook.BILLING_ERROR(p=0.38, next
 * STANDARD_CARE p=0.30)}): triage writes it, the console reads it back to suggest a value
 * where the rules were unsure.
 *
 * @param field the field's key ({@code category}, {@code playbook}, ...)
 * @param value the model's most probable value
 * @param probability its calibrated probability
 * @param next the model's next most probable value, or null (a field of one value)
 */
public record ModelAdvice(String field, String value, double probability, ModelReason.Next next) {

	/** What a model advice's signal starts with. */
	public static final String PREFIX = "advice:";

	private static final Pattern SIGNAL = Pattern
		.compile("advice:([A-Za-z]+)\\.([A-Z0-9_]+)\\(p=([0-9.]+)(?:, next ([A-Z0-9_]+) p=([0-9.]+))?\\)");

	/** The signal as the explanation carries it. */
	public String signal() {
		return PREFIX + this.field + '.' + this.value + "(p=" + ModelReason.twoDecimals(this.probability)
				+ ((this.next != null) ? this.next.signal() : "") + ')';
	}

	/**
	 * The model's most probable value other than the one decided: the value the console
	 * suggests; null where the model ranks no other.
	 */
	public String suggestion(String decided) {
		if (!this.value.equals(decided)) {
			return this.value;
		}
		return (this.next != null) ? this.next.value() : null;
	}

	/**
	 * The value the learned model suggests for a field instead of the one decided, from a
	 * decision's signals: its next most probable where it decided the field, its most
	 * probable other than the decided where the rules did; null where it said nothing.
	 */
	public static String suggestion(List<String> signals, String field, String decided) {
		ModelReason model = Explanation
			.firstSignal(signals, ModelReason::parse, (reason) -> reason.field().equals(field))
			.orElse(null);
		if (model != null) {
			return (model.next() != null) ? model.next().value() : null;
		}
		ModelAdvice advice = of(signals, field);
		return (advice != null) ? advice.suggestion(decided) : null;
	}

	/**
	 * What the model said of a field the rules decided, from a decision's signals, or
	 * null (no model advised, or the model decided the field).
	 */
	public static ModelAdvice of(List<String> signals, String field) {
		return Explanation.firstSignal(signals, ModelAdvice::parse, (advice) -> advice.field().equals(field))
			.orElse(null);
	}

	/** The model advice a signal states, or null for any other signal. */
	public static ModelAdvice parse(String signal) {
		Matcher matcher = (signal != null && signal.startsWith(PREFIX)) ? SIGNAL.matcher(signal) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		ModelReason.Next next = (matcher.group(4) != null)
				? new ModelReason.Next(matcher.group(4), Double.parseDouble(matcher.group(5))) : null;
		return new ModelAdvice(matcher.group(1), matcher.group(2), Double.parseDouble(matcher.group(3)), next);
	}

}
