package com.complaintflow.triage.rules;

import java.util.List;

/**
 * A rules file that cannot be used, with every problem found in it.
 */
public class InvalidRulesException extends RuntimeException {

	private final List<String> problems;

	InvalidRulesException(List<String> problems) {
		super("Invalid triage rules: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
