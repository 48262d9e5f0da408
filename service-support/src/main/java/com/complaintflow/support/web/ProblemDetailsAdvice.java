package com.complaintflow.support.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.complaintflow.support.kafka.TransientFailures;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as RFC 9457 problem details: field errors for invalid bodies, a
 * plain message for unreadable ones, and never a stack trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setTitle("Invalid request");
		List<Map<String, Object>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.<String, Object>of("field", error.getField(), "message",
					error.isBindingFailure() ? "invalid value"
							: String.valueOf(ReadableMessage.withoutJavaNames(error.getDefaultMessage()))))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ReadableMessage.of(ex));
		problem.setTitle("Unreadable request body");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid values.");
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				ex.getConstraintViolations()
					.stream()
					.map((violation) -> Map.of("field", violation.getPropertyPath().toString(), "message",
							violation.getMessage()))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * Spring Security's firewall checks some header values only when they are read (a
	 * non-ASCII or control character in {@code Idempotency-Key}, say): the request is
	 * malformed, never a server error. The value is not echoed.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has a header, path or parameter value with characters that are not allowed.");
		problem.setTitle("Invalid request");
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> handleProblem(ProblemException ex) {
		return ResponseEntity.status(ex.getProblem().getStatus()).headers(ex.getHeaders()).body(ex.getProblem());
	}

	/**
	 * The database or the broker cannot be reached: a retry later can succeed, so say
	 * when. A publish that failed reaches it through {@link #handleUnexpected} when the
	 * broker's trouble is passing, not when it refused the record itself (too large: a
	 * retry would fail the same way).
	 */
	@ExceptionHandler(DataAccessResourceFailureException.class)
	ResponseEntity<ProblemDetail> handleUnavailable(Exception ex) {
		logger.warn("Dependency unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"A backing service is unavailable, so the request may not have taken effect. Retry later, with the same Idempotency-Key if you sent one.");
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
	}

	/**
	 * Anything else: a failure of the infrastructure that Spring leaves uncategorized
	 * (the driver's connection pool paused after a connection failed, say; the listeners'
	 * own {@link TransientFailures} tells it) is unavailability too, the rest unexpected.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (TransientFailures.isTransient(ex)) {
			return handleUnavailable(ex);
		}
		logger.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

}
