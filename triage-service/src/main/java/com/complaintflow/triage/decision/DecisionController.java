package com.complaintflow.triage.decision;

import java.util.UUID;
import java.util.regex.Pattern;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.EmotionCues;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Language;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The triage API for staff: a stored decision with its explanation, and a preview of the
 * decision the rules in force would make for a complaint body.
 */
@Tag(name = "decisions", description = "Triage decisions and their explanation")
@RestController
@RequestMapping("/api/v1/triage")
class DecisionController {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private final DecisionStore store;

	private final Triage triage;

	DecisionController(DecisionStore store, Triage triage) {
		this.store = store;
		this.triage = triage;
	}

	@Operation(summary = "Read a complaint's triage decision",
			description = "The decision with its explanation; 404 while the complaint is unknown or not triaged yet. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@ApiResponse(responseCode = "200", description = "The decision",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintTriaged.class)))
	@GetMapping(path = "/decisions/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> decision(@PathVariable String complaintId) {
		return this.store.find(complaintId)
			.map((decision) -> ResponseEntity.ok(EventJson.mapper().writeValueAsString(decision)))
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Decision not found",
					"No triage decision for complaint '" + complaintId
							+ "' (unknown, or not triaged yet: decisions usually follow within a second)"));
	}

	@Operation(summary = "Preview the decision for a complaint",
			description = "What the rules and model in force would decide; nothing is stored or published. Roles: AGENT, SUPERVISOR, OPERATIONS.")
	@ApiResponse(responseCode = "200", description = "The decision triage would make",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ComplaintTriaged.class)))
	@PostMapping(path = "/preview", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> preview(@Valid @RequestBody PreviewRequest body,
			@RequestParam(defaultValue = "HOTLINE") Channel channel) {
		String complaintId = "preview-" + UUID.randomUUID();
		Language language = (body.language() != null) ? body.language()
				: (HAN.matcher(body.description()).find() ? Language.ZH : Language.EN);
		ComplaintReceived complaint = new ComplaintReceived(EventMetadata.newEventId(), "triage-preview",
				EventMetadata.now(), complaintId, body.customer().id(), ComplaintEvent.CURRENT_SCHEMA_VERSION, channel,
				body.customer().toCustomer(), body.occurredAt(), body.location().toLocation(), body.description(),
				body.believedCause(), body.remedy(), body.product(), body.disputedAmount(),
				(body.emotionCues() != null) ? body.emotionCues() : EmotionCues.NONE, language);
		return ResponseEntity.ok(EventJson.mapper().writeValueAsString(this.triage.preview(complaint)));
	}

}
