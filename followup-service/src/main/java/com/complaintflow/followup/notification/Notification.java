package com.complaintflow.followup.notification;

import java.time.Instant;

import com.complaintflow.events.Language;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer notice in the delivery outbox ({@code notification_outbox}) and, once sent,
 * suppressed or rejected, in {@code notification_delivered}; its id is the
 * {@code notification-requested} event id, so a repeated request adds nothing.
 */
@Document(NotificationOutbox.OUTBOX)
public class Notification {

	@Id
	private String id;

	private String customerId;

	private String complaintId;

	private String caseId;

	private NotificationKind kind;

	private Language language;

	private String text;

	private String incidentId;

	private Instant requestedAt;

	private NotificationStatus status;

	private int attempts;

	private Instant nextAttemptAt;

	private String leaseOwner;

	private Instant leaseUntil;

	private String lastError;

	private Instant finishedAt;

	Notification() {
	}

	static Notification of(NotificationRequested request) {
		Notification n = new Notification();
		n.id = request.eventId().toString();
		n.customerId = request.customerId();
		n.complaintId = request.complaintId();
		n.caseId = request.caseId();
		n.kind = request.kind();
		n.language = request.language();
		n.text = request.text();
		n.incidentId = request.incidentId();
		n.requestedAt = request.occurredAt();
		n.status = NotificationStatus.PENDING;
		n.nextAttemptAt = Instant.EPOCH;
		n.leaseUntil = Instant.EPOCH;
		return n;
	}

	public String getId() {
		return this.id;
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public String getComplaintId() {
		return this.complaintId;
	}

	public String getCaseId() {
		return this.caseId;
	}

	public NotificationKind getKind() {
		return this.kind;
	}

	public Language getLanguage() {
		return this.language;
	}

	public String getText() {
		return this.text;
	}

	public String getIncidentId() {
		return this.incidentId;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public NotificationStatus getStatus() {
		return this.status;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public String getLastError() {
		return this.lastError;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

}
