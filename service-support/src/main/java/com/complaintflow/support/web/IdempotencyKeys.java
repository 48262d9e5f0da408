package com.complaintflow.support.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one {@code Idempotency-Key} format of every service: 1 to 255 visible ASCII
 * characters. Checked before any handler runs, so a malformed or oversized key is a 400
 * problem detail and never reaches a document.
 */
public class IdempotencyKeys implements HandlerInterceptor {

	/** The header. */
	public static final String HEADER = "Idempotency-Key";

	private static final Pattern PATTERN = Pattern.compile("[\\x21-\\x7E]{1,255}");

	/**
	 * Checks a key.
	 * @param key the header's value, or null when it was not sent
	 * @throws ProblemException (400) when a key was sent and is malformed
	 */
	public static void check(String key) {
		if (key != null && !PATTERN.matcher(key).matches()) {
			throw invalid("The Idempotency-Key header must be 1 to 255 visible ASCII characters.",
					"1 to 255 visible ASCII characters");
		}
	}

	/**
	 * The answer to a key already used for another request.
	 * @return the 422 problem, titled {@code Idempotency-Key reused}
	 */
	public static ProblemException reused() {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
				"This Idempotency-Key was already used with a different request body.");
	}

	/**
	 * Checks every Idempotency-Key header of a request: a request sends one at most (two
	 * would reach the handler joined into one unchecked value).
	 */
	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		List<String> keys = Collections.list(request.getHeaders(HEADER));
		if (keys.size() > 1) {
			throw invalid("Send one Idempotency-Key header, not " + keys.size() + ".", "one header");
		}
		check(keys.isEmpty() ? null : keys.get(0));
		return true;
	}

	/** The 400 for a header sent wrong, naming it under {@code errors}. */
	private static ProblemException invalid(String detail, String rule) {
		ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
		problem.getProblem().setProperty("errors", List.of(Map.of("field", HEADER, "message", rule)));
		return problem;
	}

}
