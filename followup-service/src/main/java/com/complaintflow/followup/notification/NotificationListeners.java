package com.complaintflow.followup.notification;

import com.complaintflow.events.CaseEvent;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.support.kafka.EventPublisher;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Both halves of telling the customer: case events become notices on
 * {@link Topics#NOTIFICATIONS} (published and acknowledged before the offset commits),
 * and every notice requested there (by this service or any other) enters the delivery
 * outbox.
 */
@Component
class NotificationListeners {

	private final CaseStore cases;

	private final CaseNotices notices;

	private final EventPublisher publisher;

	private final NotificationOutbox outbox;

	NotificationListeners(CaseStore cases, CaseNotices notices, EventPublisher publisher, NotificationOutbox outbox) {
		this.cases = cases;
		this.notices = notices;
		this.publisher = publisher;
		this.outbox = outbox;
	}

	@KafkaListener(topics = Topics.CASES)
	void onCaseEvent(ComplaintEvent event) {
		if (event instanceof CaseEvent caseEvent) {
			this.cases.findById(caseEvent.caseId())
				.flatMap((followupCase) -> this.notices.noticeFor(event, followupCase))
				.ifPresent(this.publisher::publishAndWait);
		}
	}

	@KafkaListener(topics = Topics.NOTIFICATIONS)
	void onNotification(NotificationRequested request) {
		this.outbox.enqueue(request);
	}

}
