package com.complaintflow.support.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A client-safe sentence for an unreadable body: says where the JSON went wrong without
 * echoing internals.
 */
final class ReadableMessage {

	private ReadableMessage() {
	}

	static String of(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof tools.jackson.core.JacksonException jackson) {
			String message = jackson.getOriginalMessage();
			String path = jackson.getPathReference();
			if (message != null && message.length() > 300) {
				message = message.substring(0, 300) + "...";
			}
			return "The body is not valid JSON for this request: " + message
					+ ((path != null && !path.isBlank()) ? " (at " + path + ")" : "");
		}
		return "The request body is missing or not readable.";
	}

}
