package com.complaintflow.intake.submission;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.complaintflow.intake.channel.CallingChannel;
import com.complaintflow.support.web.IdempotencyKeys;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/complaints}: takes a complaint from a channel and answers 202 once
 * Kafka has it. The body is read here, bounded in size, so that every oversized, badly
 * encoded or malformed body is a 4xx with problem details.
 */
@Tag(name = "complaints", description = "Channels submit complaints")
@RestController
class ComplaintController {

	static final String PATH = "/api/v1/complaints";

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final ComplaintRequestReader reader;

	private final SubmissionService service;

	private final SubmissionSettings settings;

	ComplaintController(ComplaintRequestReader reader, SubmissionService service, SubmissionSettings settings) {
		this.reader = reader;
		this.service = service;
		this.settings = settings;
	}

	@Operation(summary = "Submit a complaint",
			description = "Answers 202 only after Kafka acknowledged the complaint (acks=all). With an Idempotency-Key, "
					+ "a retry with the same body returns the same complaint; unknown fields are rejected.")
	@ApiResponse(responseCode = "202", description = "Accepted: Kafka has the complaint", headers = {
			@Header(name = "Location", description = "The complaint's status URL", schema = @Schema(type = "string")),
			@Header(name = "Idempotent-Replayed",
					description = "true when this answers a retry of a request already accepted",
					schema = @Schema(type = "boolean")) })
	@ApiResponse(responseCode = "400", description = "Invalid body or header; field errors under 'errors'",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413", description = "Body larger than 64 KiB",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "415", description = "Not application/json in UTF-8",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different body",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "Kafka or MongoDB could not take it in time; retry after Retry-After",
			headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json"))
	@RequestBody(required = true,
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintRequest.class)))
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AcceptedComplaint> submit(@Parameter(
			description = "Client-chosen key (1-255 visible ASCII); retries with the same key and body return the same complaint for at least 24 hours") @RequestHeader(
					name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@Parameter(hidden = true) HttpServletRequest request) throws IOException {
		checkCharset(request);
		IdempotencyKeys.check(idempotencyKey);
		ComplaintRequest complaint = this.reader.read(readBody(request));
		Submission submission = this.service.submit(CallingChannel.current(), idempotencyKey, complaint);
		AcceptedComplaint answer = AcceptedComplaint.of(submission.complaintId());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(answer.statusUrl()))
			.header("Idempotent-Replayed", Boolean.toString(submission.replayed()))
			.body(answer);
	}

	private static void checkCharset(HttpServletRequest request) {
		Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
		if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset",
					"The body must be UTF-8 encoded JSON.");
		}
	}

	private byte[] readBody(HttpServletRequest request) {
		long limit = this.settings.maxBodySize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge(limit);
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes((int) limit + 1);
			if (bytes.length > limit) {
				throw tooLarge(limit);
			}
			return bytes;
		}
		catch (IOException ex) {
			// broken chunked framing, fewer bytes than Content-Length, a client gone: the
			// client's fault, not an unexpected error (a client gone gets nothing)
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Unreadable request body",
					"The request body could not be read to its end: check its framing and length.");
		}
	}

	private static ProblemException tooLarge(long limit) {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
				"The body must not exceed " + limit + " bytes.");
	}

}
