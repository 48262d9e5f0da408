package com.complaintflow.followup.console;

import java.util.List;

import com.complaintflow.events.Language;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the supervisors' review page shows: the field, the language (null for any) and the
 * period (the last day, week or 31 days), read leniently from the request, and the links
 * that change one of them and keep the others.
 *
 * @param field the field to check
 * @param language the language's name, or null for every language
 * @param days the period, in days back from now
 */
record ReviewChoice(String field, String language, int days) {

	/** The fields in the order the page offers them. */
	static final List<String> FIELDS = List.of("category", "playbook", "persona", "churnRisk");

	/** The periods the page offers, in days; the first is the default. */
	static final List<Integer> PERIODS = List.of(1, 7, 31);

	/** The choice asked for; what names none of the offers falls back to the first. */
	static ReviewChoice of(String field, String language, String days) {
		int daysShown = PERIODS.get(0);
		for (int period : PERIODS) {
			if (Integer.toString(period).equals(days)) {
				daysShown = period;
			}
		}
		String languageShown = null;
		for (Language each : Language.values()) {
			if (each.name().equals(language)) {
				languageShown = each.name();
			}
		}
		return new ReviewChoice((field != null && FIELDS.contains(field)) ? field : FIELDS.get(0), languageShown,
				daysShown);
	}

	/** The language chosen, or null for every language. */
	Language chosenLanguage() {
		return (this.language != null) ? Language.valueOf(this.language) : null;
	}

	/** The page with another field. */
	public String withField(String otherField) {
		return link(otherField, this.language, this.days);
	}

	/** The page with another language, or null for every language. */
	public String withLanguage(String otherLanguage) {
		return link(this.field, otherLanguage, this.days);
	}

	/** The page with another period. */
	public String withDays(int otherDays) {
		return link(this.field, this.language, otherDays);
	}

	/** This page. */
	String link() {
		return link(this.field, this.language, this.days);
	}

	private static String link(String field, String language, int days) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/triage-review").queryParam("field", field);
		if (language != null) {
			uri.queryParam("language", language);
		}
		if (days != PERIODS.get(0)) {
			uri.queryParam("days", days);
		}
		return uri.build().toUriString();
	}

}
