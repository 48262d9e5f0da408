package com.complaintflow.events;

/**
 * A signal of triage's rules that fired, with the word of the complaint that fired it, as
 * one of the explanation's signals reads it
 * ({@code signal:network.broadband('broadband')}): triage writes it, the console reads
 * the word back to show staff why.
 *
 * @param id the signal's id ({@code network.broadband})
 * @param word the complaint's word or phrase that fired it
 */
public record RulesSignal(String id, String word) {

	/**
	 * What a rules signal starts with, in the explanation and as a feature of the learned
	 * model ({@code signal:network.broadband}).
	 */
	public static final String PREFIX = "signal:";

	/** The signal as the explanation carries it. */
	public String signal() {
		return PREFIX + this.id + "('" + this.word + "')";
	}

	/** The rules signal a signal states, or null for any other. */
	public static RulesSignal parse(String signal) {
		int open = (signal != null && signal.startsWith(PREFIX)) ? signal.indexOf("('") : -1;
		if (open < 0 || !signal.endsWith("')") || open + 2 > signal.length() - 2) {
			return null;
		}
		return new RulesSignal(signal.substring(PREFIX.length(), open),
				signal.substring(open + 2, signal.length() - 2));
	}

}
