package com.complaintflow.triage.model.training;

import com.complaintflow.events.Language;

/**
 * Reads a training setting given per language as {@code LANGUAGE:value} pairs separated
 * by semicolons ({@code EN:0.05;ZH:0.0425}).
 */
final class LanguageSetting {

	private LanguageSetting() {
	}

	/** The language's value in the setting, or null when the setting leaves it out. */
	static String valueFor(String setting, Language language) {
		for (String entry : setting.split(";")) {
			String[] parts = entry.split(":", 2);
			if (parts.length == 2 && parts[0].trim().equals(language.name())) {
				return parts[1].trim();
			}
		}
		return null;
	}

}
