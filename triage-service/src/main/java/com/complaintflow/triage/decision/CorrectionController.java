package com.complaintflow.triage.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.security.Roles;
import com.complaintflow.support.web.IdempotencyKeys;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff correct a triage decision, or confirm it (agents and supervisors): the correction
 * (a confirmation is one to the value triage decided) is stored as a labelled example
 * with who and when, and published as {@code DecisionCorrected} for analytics;
 * supervisors and operations export corrections as the training command's input.
 * Recording is idempotent ({@link CorrectionRecorder}): under the {@code Idempotency-Key}
 * header when one is sent; without it, the same staff member's correction of the same
 * field of the same complaint to the same value is its retry.
 */
@Tag(name = "corrections", description = "Staff corrections of triage decisions")
@RestController
@RequestMapping("/api/v1/triage")
class CorrectionController {

	private static final String KEY = "Client-chosen key (1-255 visible ASCII), scoped to the staff login; "
			+ "a retry with the same key and body records and publishes nothing new";

	private final DecisionStore decisions;

	private final CorrectionRecorder recorder;

	private final CorrectionExport export;

	private final UntrainedLabels untrained;

	CorrectionController(DecisionStore decisions, CorrectionRecorder recorder, CorrectionExport export,
			UntrainedLabels untrained) {
		this.decisions = decisions;
		this.recorder = recorder;
		this.export = export;
		this.untrained = untrained;
	}

	@Operation(summary = "Correct a triage decision",
			description = "Stores the correction as a labelled example and publishes decision-corrected; 422 when triage already decided that value "
					+ "and no correction is in force (a correction back to triage's value undoes the earlier ones). "
					+ "Idempotent under the Idempotency-Key header (422 when the key was used for another correction); without it, the same staff member's "
					+ "same correction (complaint, field, value) is its retry. A retry answers 201 with the stored correction and Idempotent-Replayed: true. "
					+ "Roles: AGENT, SUPERVISOR, CONSOLE. CONSOLE is followup's console account, acting for the staff member named in Staff-Login and Staff-Role.")
	@PostMapping(path = "/decisions/{complaintId}/corrections", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Correction> correct(@PathVariable String complaintId, @Valid @RequestBody CorrectionRequest body,
			@Parameter(description = KEY) @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
			StaffMember staff) {
		List<String> allowed = allowedValues(body.field());
		if (!allowed.contains(body.value())) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Value not allowed",
					"'" + body.value() + "' is not a " + body.field() + ": one of " + allowed);
		}
		return record(complaintId, body.field(), body.value(), body.note(), key, staff);
	}

	@Operation(summary = "Confirm a triage decision",
			description = "A staff member checked the field and triage was right: stores triage's own value as a labelled example (a correction "
					+ "whose value is the value decided, so the decision leaves the review list and the export holds it) and publishes decision-corrected "
					+ "(analytics counts it as checked, not as corrected). With a correction in force it undoes it, as a correction back to triage's value does. "
					+ "Idempotent as corrections are (Idempotency-Key, or the same staff member's confirmation of the same field). Roles: AGENT, SUPERVISOR, CONSOLE. "
					+ "CONSOLE is followup's console account, acting for the staff member named in Staff-Login and Staff-Role.")
	@PostMapping(path = "/decisions/{complaintId}/confirmations", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Correction> confirm(@PathVariable String complaintId, @Valid @RequestBody ConfirmationRequest body,
			@Parameter(description = KEY) @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
			StaffMember staff) {
		allowedValues(body.field());
		return record(complaintId, body.field(), null, body.note(), key, staff);
	}

	/**
	 * Records a correction of one field of the complaint's decision to the value given,
	 * or with none (null) a confirmation of the value triage decided.
	 */
	private ResponseEntity<Correction> record(String complaintId, String field, String value, String note, String key,
			StaffMember who) {
		StoredDecision stored = this.decisions.findStored(complaintId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Decision not found",
					"No triage decision for complaint '" + complaintId + "'"));
		ComplaintTriaged decision = EventJson.mapper().readValue(stored.eventJson(), ComplaintTriaged.class);
		String previous = valueOf(decision, field);
		boolean confirmation = value == null;
		CorrectionRequest body = new CorrectionRequest(field, confirmation ? previous : value, note);
		Correction inForce = this.recorder.inForce(complaintId, body.field()).orElse(null);
		// back to triage's own value undoes the corrections (again: the undo's retry),
		// and with none there is nothing to correct, only a decision to confirm
		if (!confirmation && previous.equals(body.value()) && inForce == null) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to correct", "Triage already decided "
					+ body.field() + " " + previous + "; POST to /confirmations to record that it is right");
		}
		String decidedBy = stored.decidedBy(body.field());
		Correction correction = new Correction(CorrectionRecorder.id(key, who.login(), complaintId, body, inForce),
				complaintId, decision.customerId(), stored.language(), stored.text(), body.field(), previous,
				body.value(), decidedBy, decision.playbook(), who.login(), who.role(), EventMetadata.now(), body.note(),
				ConsoleSuggestion.of(decision.explanation(), body.field(), previous, inForce == null));
		CorrectionRecorder.Recorded recorded = this.recorder.record(correction, key != null, decision.explanation());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", Boolean.toString(recorded.replayed()))
			.body(recorded.correction());
	}

	private static List<String> allowedValues(String field) {
		List<String> allowed = DecisionCorrected.FIELDS.get(field);
		if (allowed == null) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Field cannot be corrected",
					"'" + field + "' is not one of " + DecisionCorrected.FIELDS.keySet());
		}
		return allowed;
	}

	/**
	 * Every correction in force that carries its text, one JSON object a line by
	 * complaint and field, streamed ({@link CorrectionExport}): the input of
	 * {@code bench/triage-train.sh --corrections}.
	 */
	@Operation(summary = "Export the corrections",
			description = "One JSON object a line by complaint id and field, streamed: the corrections in force (the last word on each complaint's field) "
					+ "with their texts, the input of bench/triage-train.sh --corrections. A response cut short (the database failed "
					+ "half-way) ends without its last chunk, so the client sees an error. Roles: SUPERVISOR, OPERATIONS.")
	@ApiResponse(responseCode = "200", description = "The corrections",
			content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(type = "string")))
	@GetMapping(path = "/corrections", produces = MediaType.APPLICATION_NDJSON_VALUE)
	void export(HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.export.writeTo(response.getOutputStream());
	}

	@Operation(summary = "Count the labels the models in force have not learned from",
			description = "Per language: the model in force (null where the rules decide alone), when it was trained (to the minute), and the "
					+ "complaints' fields staff corrected or confirmed since, each once as the export writes them (all of them where no model "
					+ "is in force). Retrain when a few hundred have gathered. Roles: SUPERVISOR, OPERATIONS, CONSOLE. CONSOLE is followup's "
					+ "console account, asking for the supervisor named in Staff-Login and Staff-Role (403 for another role).")
	@GetMapping(path = "/corrections/untrained", produces = MediaType.APPLICATION_JSON_VALUE)
	List<UntrainedLabels.Untrained> untrained(StaffMember staff, Authentication auth) {
		if (Roles.heldBy(auth, Roles.CONSOLE) && !Roles.SUPERVISOR.equals(staff.role())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
					"The labels not learned from are for supervisors and operations: the console asks for a SUPERVISOR only");
		}
		return this.untrained.count();
	}

	/** The value a decision gave one of the {@link DecisionCorrected#FIELDS}. */
	static String valueOf(ComplaintTriaged decision, String field) {
		return switch (field) {
			case "category" -> decision.category().name();
			case "persona" -> decision.persona().name();
			case "playbook" -> decision.playbook().name();
			default -> decision.churnRisk().name();
		};
	}

}
