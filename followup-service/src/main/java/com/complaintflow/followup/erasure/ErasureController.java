package com.complaintflow.followup.erasure;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Customer;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.web.IdempotencyKeys;
import com.complaintflow.support.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPERATIONS erases a customer's personal data in every service: the request is recorded
 * (who, when, reference; never the customer's id), published as {@code customer-erased},
 * and each service's report of what it erased where is readable under the erasure's id.
 * Analytics keeps its anonymous counts (it stores no customer id, name, phone or text).
 */
@Tag(name = "erasures", description = "Erasure of a customer's personal data in every service")
@RestController
@RequestMapping("/api/v1/operations/erasures")
class ErasureController {

	private static final Logger logger = LoggerFactory.getLogger(ErasureController.class);

	private final ErasureLedger ledger;

	private final EventPublisher publisher;

	private final Clock clock;

	ErasureController(ErasureLedger ledger, EventPublisher publisher, Clock clock) {
		this.ledger = ledger;
		this.publisher = publisher;
		this.clock = clock;
	}

	@Operation(summary = "Erase a customer's personal data",
			description = "Records the request (who, when, reference) and publishes customer-erased; every service erases and reports. Idempotent under the Idempotency-Key header. Roles: OPERATIONS.")
	@PostMapping
	ResponseEntity<Map<String, Object>> request(@RequestBody @Valid Request body,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
			@Parameter(hidden = true) Principal staff) {
		String erasureId = "ERA-" + ((key != null)
				? EventMetadata.deterministicEventId("erasure", key, body.customerId()) : UUID.randomUUID());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (this.ledger.open(erasureId, staff.getName(), body.reference(), now)) {
			logger.info("Erasure {} requested by {}", erasureId, staff.getName());
		}
		this.publisher.publishAndWait(new CustomerErased(
				EventMetadata.deterministicEventId("customer-erased", erasureId), CaseOpening.SOURCE, now, erasureId,
				body.customerId(), ComplaintEvent.CURRENT_SCHEMA_VERSION, erasureId, staff.getName()));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(erasureId));
	}

	@Operation(summary = "Read an erasure's progress",
			description = "Each service's report of what it erased where; analytics keeps its anonymous counts. Roles: OPERATIONS.")
	@GetMapping("/{erasureId}")
	Map<String, Object> status(@PathVariable String erasureId) {
		Document erasure = this.ledger.find(erasureId)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "Erasure not found",
					"No erasure with id " + erasureId));
		Document reports = erasure.get("reports", Document.class);
		Map<String, Object> services = new LinkedHashMap<>();
		for (String service : ErasureLedger.SERVICES) {
			Document report = reports.get(service, Document.class);
			services
				.put(service,
						(report != null) ? Map.of("status", "ERASED", "erasedAt",
								report.getDate("erasedAt").toInstant(), "erased", report.get("erased", Document.class))
								: Map.of("status", "PENDING"));
		}
		services.put("analytics", Map.of("status", "KEPT", "detail",
				"Anonymous counts only: analytics stores no customer id, name, phone or complaint text."));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("erasureId", erasureId);
		answer.put("statusUrl", "/api/v1/operations/erasures/" + erasureId);
		answer.put("requestedBy", erasure.getString("requestedBy"));
		answer.put("requestedAt", erasure.getDate("requestedAt").toInstant());
		answer.put("reference", erasure.getString("reference"));
		answer.put("complete", ErasureLedger.SERVICES.stream().allMatch((service) -> reports.containsKey(service)));
		answer.put("services", services);
		return answer;
	}

	/**
	 * An erasure request.
	 *
	 * @param customerId the customer whose personal data is erased
	 * @param reference the customer's request (ticket) it answers, for the audit
	 */
	record Request(@NotBlank @Size(max = 64) @Pattern(regexp = Customer.ID_PATTERN,
			message = Customer.ID_RULE) String customerId, @Size(max = 200) String reference) {

	}

}
