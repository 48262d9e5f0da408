package com.complaintflow.followup.oncall;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.EscalationLevel;
import com.complaintflow.events.MilestoneKind;
import com.complaintflow.events.Priority;
import com.complaintflow.events.ReminderKind;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert in the outbox while it is to be delivered, renewed or resolved, or delivered;
 * its id is the reminder's event id, so each breach or escalation pages once however
 * often it is raised.
 */
@Document("oncall_outbox")
class OnCallAlert {

	@Id
	private String id;

	private String caseId;

	private String milestoneId;

	private MilestoneKind milestone;

	private ReminderKind kind;

	private EscalationLevel level;

	private String queue;

	private Priority priority;

	private Instant dueAt;

	private Instant raisedAt;

	private String eventJson;

	private OnCallStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private String lastError;

	private Instant deliveredAt;

	private String leaseOwner;

	private Instant leaseUntil;

	private List<String> missing;

	private List<String> receivers;

	private Instant resolvedAt;

	OnCallAlert() {
	}

	OnCallAlert(String id, String caseId, String milestoneId, MilestoneKind milestone, ReminderKind kind,
			EscalationLevel level, String queue, Priority priority, Instant dueAt, Instant raisedAt, String eventJson) {
		this.id = id;
		this.caseId = caseId;
		this.milestoneId = milestoneId;
		this.milestone = milestone;
		this.kind = kind;
		this.level = level;
		this.queue = queue;
		this.priority = priority;
		this.dueAt = dueAt;
		this.raisedAt = raisedAt;
		this.eventJson = eventJson;
		this.status = OnCallStatus.PENDING;
		this.nextAttemptAt = raisedAt;
		this.leaseUntil = Instant.EPOCH;
	}

	String getId() {
		return this.id;
	}

	String getCaseId() {
		return this.caseId;
	}

	/**
	 * The id of the milestone it pages for; null for an alert kept before the id was.
	 */
	String getMilestoneId() {
		return this.milestoneId;
	}

	MilestoneKind getMilestone() {
		return this.milestone;
	}

	ReminderKind getKind() {
		return this.kind;
	}

	EscalationLevel getLevel() {
		return this.level;
	}

	String getQueue() {
		return this.queue;
	}

	Priority getPriority() {
		return this.priority;
	}

	Instant getDueAt() {
		return this.dueAt;
	}

	Instant getRaisedAt() {
		return this.raisedAt;
	}

	String getEventJson() {
		return this.eventJson;
	}

	OnCallStatus getStatus() {
		return this.status;
	}

	/**
	 * Forgets the reminder event (it names the customer): a delivered alert keeps only
	 * what identifies the page.
	 */
	void forgetEvent() {
		this.eventJson = null;
	}

	int getAttempts() {
		return this.attempts;
	}

	Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	String getLastError() {
		return this.lastError;
	}

	/** The receivers that have not taken the current post yet; null means every one. */
	List<String> getMissing() {
		return this.missing;
	}

	/**
	 * The receivers configured at the attempt that left {@link #getMissing()}: each took
	 * the post or is missing. Read only with {@code missing}; null in an alert kept
	 * before 2026-12-07.
	 */
	List<String> getReceivers() {
		return this.receivers;
	}

	/** When the breach was seen closed; null while it is open. */
	Instant getResolvedAt() {
		return this.resolvedAt;
	}

}
