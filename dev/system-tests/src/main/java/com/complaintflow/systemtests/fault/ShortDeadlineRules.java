package com.complaintflow.systemtests.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Triage's bundled rules with some deadlines of seconds instead of hours, so that
 * warnings, breaches and escalations fire during a fault-injection run.
 */
final class ShortDeadlineRules {

	private static final Pattern FIRST_RESPONSE = Pattern.compile("firstResponse: \\{[^}]*\\}");

	private static final Pattern ENGINEER_CONTACT = Pattern.compile("within: PT30M");

	private ShortDeadlineRules() {
	}

	/**
	 * Writes the rules file into the data directory and returns its path.
	 * @param directory where to write it
	 * @param firstResponse whether first responses are due in 30-40 s
	 * @param engineerContact whether network engineer contact is due in 20 s
	 */
	static Path write(Path directory, boolean firstResponse, boolean engineerContact) {
		try (InputStream bundled = ShortDeadlineRules.class.getResourceAsStream("/rules/triage-rules.yml")) {
			if (bundled == null) {
				throw new IllegalStateException("triage's bundled rules/triage-rules.yml is not on the classpath");
			}
			String rules = new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
			if (firstResponse) {
				rules = replace(rules, FIRST_RESPONSE, "firstResponse: {P1: PT30S, P2: PT30S, P3: PT40S, P4: PT40S}");
			}
			if (engineerContact) {
				rules = replace(rules, ENGINEER_CONTACT, "within: PT20S");
			}
			Path file = directory.resolve("triage-rules-short-deadlines.yml");
			Files.writeString(file, rules);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String replace(String rules, Pattern pattern, String replacement) {
		Matcher matcher = pattern.matcher(rules);
		if (!matcher.find()) {
			throw new IllegalStateException(
					"The triage rules no longer contain " + pattern.pattern() + "; update ShortDeadlineRules");
		}
		return matcher.replaceFirst(Matcher.quoteReplacement(replacement));
	}

}
