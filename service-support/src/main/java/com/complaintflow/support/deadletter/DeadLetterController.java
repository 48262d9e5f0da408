package com.complaintflow.support.deadletter;

import java.time.Instant;

import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations endpoint that re-drives a dead-letter topic for this service's consumer
 * group: {@code POST /api/v1/operations/dead-letters/redrive}; the role OPERATIONS is
 * required by {@code StaffSecurityConfiguration.baseline}.
 */
@Tag(name = "operations", description = "Operations tasks every service offers")
@RestController
class DeadLetterController {

	static final String PATH = "/api/v1/operations/dead-letters/redrive";

	private final DeadLetterRedrive redrive;

	DeadLetterController(DeadLetterRedrive redrive) {
		this.redrive = redrive;
	}

	@Operation(summary = "Re-drive a dead-letter topic",
			description = "Replays the records of <topic>.DLT (all, or those dead-lettered in [from, to)) onto the topic "
					+ "for this service's consumer group, audited; a second replay is harmless. Roles: OPERATIONS.",
			security = @SecurityRequirement(name = "staffBasic"))
	@PostMapping(PATH)
	DeadLetterRedrive.Result redrive(@RequestBody @Valid Request request, Authentication auth) {
		if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "from must be before to.");
		}
		try {
			return this.redrive.redrive(request.topic(), request.from(), request.to(), auth.getName());
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
		}
	}

	/**
	 * What to re-drive.
	 *
	 * @param topic the source topic, e.g. {@code complaints.triaged}
	 * @param from the earliest dead-letter time, or none for the beginning
	 * @param to re-drive what was dead-lettered before this, or none for now
	 */
	@Schema(name = "RedriveRequest")
	record Request(@NotBlank @Size(max = 100) String topic, Instant from, Instant to) {

	}

}
