package com.complaintflow.events;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A category or playbook triage's learned model took to fit the other field, where its
 * most probable value alone would not (a playbook of one category never comes with
 * another), as one of the explanation's signals reads it
 * ({@code fit:playbook.STANDARD_CARE with category SERVICE_ATTITUDE, not NETWORK_FAULT p=0.52}):
 * triage writes it, the console reads it back to say why.
 *
 * @param field the field's key ({@code category} or {@code playbook})
 * @param value the value taken
 * @param other the other field's key
 * @param otherValue the model's value of the other field, which the value fits
 * @param alone the field's most probable value alone, which did not fit, with its
 * probability
 */
public record ModelFit(String field, String value, String other, String otherValue, ModelReason.Next alone) {

	/** What a model fit's signal starts with. */
	public static final String PREFIX = "fit:";

	private static final Pattern SIGNAL = Pattern
		.compile("fit:([A-Za-z]+)\\.([A-Z0-9_]+) with ([A-Za-z]+) ([A-Z0-9_]+), not ([A-Z0-9_]+) p=([0-9.]+)");

	/** The signal as the explanation carries it. */
	public String signal() {
		return PREFIX + this.field + '.' + this.value + " with " + this.other + ' ' + this.otherValue + ", not "
				+ this.alone.value() + " p=" + ModelReason.twoDecimals(this.alone.probability());
	}

	/** The fit of a field from a decision's signals, or null (none was needed). */
	public static ModelFit of(List<String> signals, String field) {
		return Explanation.firstSignal(signals, ModelFit::parse, (fit) -> fit.field().equals(field)).orElse(null);
	}

	/** The model fit a signal states, or null for any other signal. */
	public static ModelFit parse(String signal) {
		Matcher matcher = (signal != null && signal.startsWith(PREFIX)) ? SIGNAL.matcher(signal) : null;
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		return new ModelFit(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
				new ModelReason.Next(matcher.group(5), Double.parseDouble(matcher.group(6))));
	}

}
