package com.complaintflow.intake.submission;

import java.time.Duration;

import com.complaintflow.intake.metrics.IntakeMetrics;
import com.complaintflow.support.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Intake's 503 answers: an unreachable MongoDB is a temporary condition with Retry-After,
 * not an internal error.
 */
@RestControllerAdvice(basePackageClasses = SubmissionErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubmissionErrors {

	private static final Logger logger = LoggerFactory.getLogger(SubmissionErrors.class);

	private final SubmissionSettings settings;

	SubmissionErrors(SubmissionSettings settings) {
		this.settings = settings;
	}

	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> storageUnavailable(DataAccessException ex) {
		logger.warn("MongoDB unavailable: {}", ex.getClass().getSimpleName());
		ProblemException problem = unavailable("storage_unavailable",
				"The complaint store is unavailable; please retry.", this.settings.retryAfter());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.headers(problem.getHeaders())
			.body(problem.getProblem());
	}

	/**
	 * A 503 with Retry-After, counted under the given rejection reason.
	 * @param reason the metric reason
	 * @param detail the sentence for the client
	 * @param retryAfter when to retry
	 * @return the exception to throw
	 */
	static ProblemException unavailable(String reason, String detail, Duration retryAfter) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(IntakeMetrics.REASON_ATTRIBUTE, reason, RequestAttributes.SCOPE_REQUEST);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail, headers);
	}

}
