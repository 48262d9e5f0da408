package com.complaintflow.triage.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.complaintflow.events.Language;

/**
 * A learned model's version, written by the training command and named by every decision
 * it weighs in: when it was trained (to the minute, UTC), its language, and the rows it
 * learned from ({@code 2026-12-05T13:26Z-en-1500+425}: 1,500 corpus rows and 425 more,
 * written rows and staff corrections).
 */
public final class ModelVersion {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
		.withZone(ZoneOffset.UTC);

	private ModelVersion() {
	}

	/** The training time as versions and the training report write it. */
	public static String stamp(Instant trainedAt) {
		return STAMP.format(trainedAt);
	}

	/** The version of a model trained at {@code stamp} on these rows. */
	public static String of(String stamp, Language language, int corpusRows, int moreRows) {
		return stamp + "-" + language.name().toLowerCase(Locale.ROOT) + "-" + corpusRows + "+" + moreRows;
	}

	/**
	 * When the model of this version was trained, or null for a version not written by
	 * the training command (or none).
	 */
	public static Instant trainedAt(String version) {
		if (version == null || version.length() < 17) {
			return null;
		}
		try {
			return STAMP.parse(version.substring(0, 17), Instant::from);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
