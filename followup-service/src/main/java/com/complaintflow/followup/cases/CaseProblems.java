package com.complaintflow.followup.cases;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the case domain's exceptions as RFC 9457 problem details: 404 unknown case, 409
 * not allowed in the case's state (with the action, the status, the statuses that allow
 * it and the owner when ownership is the reason), 400 invalid values, 403/422 a remedy
 * above the limit or cap, 503 case busy.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

	@ExceptionHandler(CaseNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(CaseNotFoundException ex) {
		return answer(HttpStatus.NOT_FOUND, "Case not found", ex);
	}

	@ExceptionHandler(ActionNotAllowedException.class)
	ResponseEntity<ProblemDetail> notAllowed(ActionNotAllowedException ex) {
		ResponseEntity<ProblemDetail> answer = answer(HttpStatus.CONFLICT, "Action not allowed", ex);
		ProblemDetail problem = answer.getBody();
		problem.setProperty("action", ex.action().label());
		// "status" is the HTTP status (RFC 9457): the case's is "caseStatus"
		problem.setProperty("caseStatus", ex.status());
		problem.setProperty("allowedIn", ex.allowedIn());
		if (ex.owner() != null) {
			problem.setProperty("owner", ex.owner());
		}
		return answer;
	}

	@ExceptionHandler(InvalidActionException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidActionException ex) {
		return answer(HttpStatus.BAD_REQUEST, "Invalid request", ex);
	}

	@ExceptionHandler(RemedyRefusedException.class)
	ResponseEntity<ProblemDetail> remedy(RemedyRefusedException ex) {
		return ex.supervisorMay() ? answer(HttpStatus.FORBIDDEN, "Supervisor approval needed", ex)
				: answer(HttpStatus.UNPROCESSABLE_CONTENT, "Above the remedy cap", ex);
	}

	@ExceptionHandler(CaseBusyException.class)
	ResponseEntity<ProblemDetail> busy(CaseBusyException ex) {
		ResponseEntity<ProblemDetail> answer = answer(HttpStatus.SERVICE_UNAVAILABLE, "Case busy", ex);
		return ResponseEntity.status(answer.getStatusCode())
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(answer.getBody());
	}

	private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String title, CaseException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return ResponseEntity.status(status).body(problem);
	}

}
