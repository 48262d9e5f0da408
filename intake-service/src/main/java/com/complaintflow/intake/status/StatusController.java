package com.complaintflow.intake.status;

import com.complaintflow.intake.channel.CallingChannel;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer-facing status of a complaint, for the channel that submitted it; any other
 * channel gets 404, as if the complaint did not exist.
 */
@Tag(name = "status", description = "The customer-facing status of a complaint")
@RestController
class StatusController {

	private final StatusProjection projection;

	private final StatusWording wording;

	StatusController(StatusProjection projection, StatusWording wording) {
		this.projection = projection;
		this.wording = wording;
	}

	@Operation(summary = "Read a complaint's status",
			description = "The status in plain words, in the complaint's language, with the promises still open.")
	@ApiResponse(responseCode = "200", description = "The status")
	@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such complaint from this channel",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping(path = "/api/v1/complaints/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
	StatusView status(@PathVariable String complaintId) {
		return this.projection.find(complaintId, CallingChannel.current())
			.map(this.wording::describe)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Not found",
					"No complaint with this id was submitted by your channel."));
	}

}
