package com.complaintflow.followup.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact-read audit for supervisors and operations: who read which customer's
 * contact, when.
 */
@Tag(name = "audit", description = "Who read which customer's contact, when")
@RestController
@RequestMapping("/api/v1/audit/contact-reads")
class ContactReadController {

	private final ContactReads reads;

	ContactReadController(ContactReads reads) {
		this.reads = reads;
	}

	@Operation(summary = "Read the contact-read audit",
			description = "Newest first, by case, staff member and time. Roles: SUPERVISOR, OPERATIONS.")
	@GetMapping
	Page list(@Valid @ModelAttribute Filter filter) {
		int page = (filter.page() != null) ? filter.page() : 0;
		int size = (filter.size() != null) ? filter.size() : 50;
		List<ContactRead> found = this.reads.find(filter.caseId(), filter.staffId(), filter.from(), filter.to(), page,
				size);
		return new Page(found.stream().limit(size).toList(), page, size, found.size() > size);
	}

	/**
	 * The audit's filters; null means any.
	 *
	 * @param caseId the case
	 * @param staffId who read
	 * @param from reads at or after
	 * @param to reads before
	 * @param page the page, 0-based (at most 1000)
	 * @param size the page size, 1 to 200 (default 50)
	 */
	record Filter(@Size(max = 64) String caseId, @Size(max = 64) String staffId, Instant from, Instant to,
			@Min(0) @Max(1000) Integer page, @Min(1) @Max(200) Integer size) {

	}

	/**
	 * One page of reads.
	 *
	 * @param items the reads, newest first
	 * @param page the page, 0-based
	 * @param size the page size
	 * @param hasMore whether another page follows
	 */
	record Page(List<ContactRead> items, int page, int size, boolean hasMore) {

	}

}
