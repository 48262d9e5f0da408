package com.complaintflow.support.web;

import java.util.regex.Pattern;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A client-safe sentence for an unreadable body: says where the JSON went wrong without
 * echoing internals.
 */
final class ReadableMessage {

	/**
	 * A qualified Java type name ({@code com.example.Outer$Inner}): group 1 is its simple
	 * name.
	 */
	private static final Pattern JAVA_TYPE = Pattern
		.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?:[A-Z][A-Za-z0-9_]*\\$)*([A-Z][A-Za-z0-9_]*)");

	private ReadableMessage() {
	}

	/** The message with every qualified Java type name cut to its simple name. */
	static String withoutJavaNames(String message) {
		return (message != null) ? JAVA_TYPE.matcher(message).replaceAll("$1") : null;
	}

	static String of(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof tools.jackson.core.JacksonException jackson) {
			String message = jackson.getOriginalMessage();
			String path = jackson.getPathReference();
			if (message != null && message.length() > 300) {
				message = message.substring(0, 300) + "...";
			}
			return "The body is not valid JSON for this request: " + withoutJavaNames(message)
					+ ((path != null && !path.isBlank()) ? " (at " + withoutJavaNames(path) + ")" : "");
		}
		return "The request body is missing or not readable.";
	}

}
