package com.complaintflow.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a controller raises to answer with a given problem detail and headers.
 */
public class ProblemException extends RuntimeException {

	private final ProblemDetail problem;

	private final HttpHeaders headers;

	public ProblemException(HttpStatus status, String title, String detail) {
		this(status, title, detail, new HttpHeaders());
	}

	public ProblemException(HttpStatus status, String title, String detail, HttpHeaders headers) {
		super(detail);
		this.problem = ProblemDetail.forStatusAndDetail(status, detail);
		this.problem.setTitle(title);
		this.headers = headers;
	}

	public ProblemDetail getProblem() {
		return this.problem;
	}

	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
