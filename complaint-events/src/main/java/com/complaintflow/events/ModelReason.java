package com.complaintflow.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field decided by triage's learned model, as one of the explanation's signals reads it
 * ({@code model:category.NETWORK(p=0.42>=0.00, next BILLING p=0.38; 'oad' +0.18, 'signal:network.broadband' +0.12)}):
 * triage writes it, the console reads it back to show staff why, and to suggest the next
 * value where the model was unsure.
 *
 * @param field the decided field's key ({@code category}, {@code churnRisk}, ...)
 * @param value the value the model chose
 * @param probability its calibrated probability
 * @param threshold the probability at or above which the model decides the field
 * @param next the model's next most probable value (for the playbook, since 2026-12-07,
 * the next that goes with the category), or null (a field of one value, no other playbook
 * that fits, or a reason written before it was recorded)
 * @param evidence the features that weighed most for the value, largest first
 */
public record ModelReason(String field, String value, double probability, double threshold, Next next,
		List<Weighed> evidence) {

	/** What a model reason's signal starts with. */
	public static final String PREFIX = "model:";

	/**
	 * What a feature read in the words around a word of leaving starts with
	 * ({@code near leaving: switch}).
	 */
	public static final String NEAR_LEAVING = "near leaving: ";

	private static final Pattern HEAD = Pattern.compile(
			"model:([A-Za-z]+)\\.([A-Z0-9_]+)\\(p=([0-9.]+)>=([0-9.]+)(?:, next ([A-Z0-9_]+) p=([0-9.]+))?; (.*)\\)",
			Pattern.DOTALL);

	private static final Pattern WEIGHED = Pattern.compile("'(.*?)' \\+([0-9]+\\.[0-9]+)(?:, (?=')|$)", Pattern.DOTALL);

	public ModelReason {
		evidence = List.copyOf(evidence);
	}

	/** A model reason without a next value. */
	public ModelReason(String field, String value, double probability, double threshold, List<Weighed> evidence) {
		this(field, value, probability, threshold, null, evidence);
	}

	/** The signal as the explanation carries it. */
	public String signal() {
		StringBuilder signal = new StringBuilder(PREFIX).append(this.field)
			.append('.')
			.append(this.value)
			.append("(p=")
			.append(twoDecimals(this.probability))
			.append(">=")
			.append(twoDecimals(this.threshold));
		if (this.next != null) {
			signal.append(this.next.signal());
		}
		signal.append("; ").append(weighed(this.evidence));
		return signal.append(')').toString();
	}

	/**
	 * Whether any of an explanation's signals is a model's reason: a learned model
	 * decided a field (also in a decision stored before the model's version was
	 * recorded).
	 */
	public static boolean anyIn(List<String> signals) {
		return signals.stream().anyMatch((signal) -> signal.startsWith(PREFIX));
	}

	/**
	 * The model reason a signal states, or null for any other signal (a rule's, a matched
	 * word's) or one that does not read as a model reason.
	 */
	public static ModelReason parse(String signal) {
		if (signal == null || !signal.startsWith(PREFIX)) {
			return null;
		}
		Matcher head = HEAD.matcher(signal);
		if (!head.matches()) {
			return null;
		}
		List<Weighed> evidence = weighedIn(head.group(7));
		Next next = (head.group(5) != null) ? new Next(head.group(5), Double.parseDouble(head.group(6))) : null;
		return new ModelReason(head.group(1), head.group(2), Double.parseDouble(head.group(3)),
				Double.parseDouble(head.group(4)), next, evidence);
	}

	/**
	 * Features with their weights as a signal lists them
	 * ({@code 'oad' +0.18, 'signal:x' +0.12}).
	 */
	static String weighed(List<Weighed> evidence) {
		StringBuilder list = new StringBuilder();
		for (int i = 0; i < evidence.size(); i++) {
			if (i > 0) {
				list.append(", ");
			}
			list.append('\'').append(evidence.get(i).feature()).append("' +");
			list.append(twoDecimals(evidence.get(i).weight()));
		}
		return list.toString();
	}

	/**
	 * The features a signal's list names ({@link #weighed}), up to the first that does
	 * not read as one.
	 */
	static List<Weighed> weighedIn(String list) {
		List<Weighed> evidence = new ArrayList<>();
		Matcher weighed = WEIGHED.matcher(list);
		int at = 0;
		while (weighed.find() && weighed.start() == at) {
			evidence.add(new Weighed(weighed.group(1), Double.parseDouble(weighed.group(2))));
			at = weighed.end();
		}
		return evidence;
	}

	/** A number with two decimals ("0.42"), without the cost of a format string. */
	static String twoDecimals(double value) {
		long hundredths = Math.round(Math.abs(value) * 100);
		long fraction = hundredths % 100;
		return ((value < 0 && hundredths > 0) ? "-" : "") + (hundredths / 100) + ((fraction < 10) ? ".0" : ".")
				+ fraction;
	}

	/**
	 * The model's next most probable value for the field.
	 *
	 * @param value the value
	 * @param probability its calibrated probability
	 */
	public record Next(String value, double probability) {

		/**
		 * As a signal carries it, after the value it follows
		 * ({@code , next BILLING p=0.38}).
		 */
		String signal() {
			return ", next " + this.value + " p=" + twoDecimals(this.probability);
		}

	}

	/**
	 * One feature and how much it added to the value's score.
	 *
	 * @param feature an n-gram of the folded text, a rules signal
	 * ({@link RulesSignal#PREFIX} and its id) or an n-gram near a word of leaving
	 * ({@link #NEAR_LEAVING})
	 * @param weight its contribution, above 0
	 */
	public record Weighed(String feature, double weight) {

	}

}
