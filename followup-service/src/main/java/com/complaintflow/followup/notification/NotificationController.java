package com.complaintflow.followup.notification;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API of customer notices: a customer's notices with their delivery state, and the
 * customer's opt-out (recorded when the customer asks not to be messaged).
 */
@Tag(name = "notifications", description = "Customer notices and opt-outs")
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

	private static final int MAX_ID = 128;

	private static final int MAX_LIMIT = 500;

	private final NotificationOutbox outbox;

	private final OptOuts optOuts;

	private final Clock clock;

	NotificationController(NotificationOutbox outbox, OptOuts optOuts, Clock clock) {
		this.outbox = outbox;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	@Operation(summary = "List a customer's notices",
			description = "With their delivery state: the newest limit (1-500) notices, oldest first. Roles: AGENT, SUPERVISOR.")
	@GetMapping
	List<NotificationView> list(@Parameter(schema = @Schema(maxLength = MAX_ID)) @RequestParam String customerId,
			@Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "500",
					defaultValue = "100")) @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"limit must be between 1 and " + MAX_LIMIT);
		}
		return this.outbox.forCustomer(valid(customerId), limit).stream().map(NotificationView::of).toList();
	}

	@Operation(summary = "Read a customer's opt-out",
			description = "Whether and since when the customer asked not to be messaged. Roles: AGENT, SUPERVISOR.")
	@GetMapping("/opt-outs/{customerId}")
	OptOutView optOut(@PathVariable String customerId) {
		Instant since = this.optOuts.since(valid(customerId));
		return new OptOutView(customerId, since != null, since);
	}

	@Operation(summary = "Record a customer's opt-out",
			description = "The customer asked not to be messaged; idempotent. Roles: AGENT, SUPERVISOR.")
	@PutMapping("/opt-outs/{customerId}")
	OptOutView optOut(@PathVariable String customerId, @Parameter(hidden = true) Principal staff) {
		this.optOuts.optOut(valid(customerId), staff.getName(), this.clock.instant());
		return optOut(customerId);
	}

	@Operation(summary = "Withdraw a customer's opt-out",
			description = "The customer may be messaged again; idempotent. Roles: AGENT, SUPERVISOR.")
	@DeleteMapping("/opt-outs/{customerId}")
	OptOutView optIn(@PathVariable String customerId) {
		this.optOuts.optIn(valid(customerId));
		return optOut(customerId);
	}

	private static String valid(String customerId) {
		if (customerId.isBlank() || customerId.length() > MAX_ID) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
					"customerId must have 1 to " + MAX_ID + " characters");
		}
		return customerId;
	}

	/** A notice as staff see it. */
	record NotificationView(String id, String complaintId, String caseId, String kind, String language, String text,
			NotificationStatus status, int attempts, Instant requestedAt, Instant finishedAt, String lastError) {

		static NotificationView of(Notification n) {
			return new NotificationView(n.getId(), n.getComplaintId(), n.getCaseId(), n.getKind().name(),
					n.getLanguage().name().toLowerCase(java.util.Locale.ROOT), n.getText(), n.getStatus(),
					n.getAttempts(), n.getRequestedAt(), n.getFinishedAt(), n.getLastError());
		}

	}

	/** Whether a customer opted out of notices, and since when. */
	record OptOutView(String customerId, boolean optedOut, Instant since) {

	}

}
