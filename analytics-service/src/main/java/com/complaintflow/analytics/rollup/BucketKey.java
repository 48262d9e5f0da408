package com.complaintflow.analytics.rollup;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The identity of one rollup bucket as text: {@code <period document id>|<field>}, for
 * example {@code H|2031-01-01T00:00:00Z|MAIN|HOTLINE|NETWORK|*|VENTING|NETWORK_FAULT}.
 * The period document id names the MongoDB document the bucket is stored in, the field
 * its key inside that document's {@code b}; dimension values are URL-encoded (and dots
 * too), so any value is a valid MongoDB field name and splits back unambiguously.
 *
 * @param grain the period length
 * @param period the start of the period
 * @param view the cut
 * @param dims the dimensions, projected to the view
 */
public record BucketKey(Grain grain, Instant period, View view, Dims dims) {

	private static final String SEPARATOR = "|";

	/** The key as text. */
	public String text() {
		return documentId() + SEPARATOR + field();
	}

	/** The id of the period document holding the bucket. */
	public String documentId() {
		return this.grain.id(this.period);
	}

	/** The bucket's field inside its period document's {@code b}. */
	public String field() {
		return String.join(SEPARATOR, this.view.name(), encode(this.dims.channel()), encode(this.dims.category()),
				encode(this.dims.region()), encode(this.dims.persona()), encode(this.dims.playbook()));
	}

	/** Reads a key written by {@link #text()}. */
	public static BucketKey parse(String text) {
		String[] parts = text.split("\\|", -1);
		if (parts.length != 8) {
			throw new IllegalArgumentException("not a bucket key: " + text);
		}
		Grain grain = Grain.ofPrefix(parts[0]);
		return new BucketKey(grain, Instant.parse(parts[1]), View.valueOf(parts[2]), dims(parts, 3));
	}

	/** Reads a bucket's field of a period document. */
	public static BucketKey parseField(Grain grain, Instant period, String field) {
		String[] parts = field.split("\\|", -1);
		if (parts.length != 6) {
			throw new IllegalArgumentException("not a bucket field: " + field);
		}
		return new BucketKey(grain, period, View.valueOf(parts[0]), dims(parts, 1));
	}

	/** The period document id of a key written by {@link #text()}. */
	public static String documentIdOf(String text) {
		return text.substring(0, text.indexOf(SEPARATOR, text.indexOf(SEPARATOR) + 1));
	}

	/** The field of a key written by {@link #text()}. */
	public static String fieldOf(String text) {
		return text.substring(documentIdOf(text).length() + 1);
	}

	static Dims dims(String[] parts, int from) {
		return new Dims(decode(parts[from]), decode(parts[from + 1]), decode(parts[from + 2]), decode(parts[from + 3]),
				decode(parts[from + 4]));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace(".", "%2E");
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

}
