package com.complaintflow.followup.notification;

import com.complaintflow.events.CaseEvent;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.support.kafka.EventPublisher;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Both halves of telling the customer, in one listener container (each container in the
 * group adds consumers to every rebalance): case events become notices on
 * {@link Topics#NOTIFICATIONS} (published and acknowledged before the offset commits),
 * and every notice requested there enters the delivery outbox.
 */
@Component
@KafkaListener(topics = { Topics.CASES, Topics.NOTIFICATIONS })
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

	@KafkaHandler
	void onNotification(NotificationRequested request) {
		this.outbox.enqueue(request);
	}

	@KafkaHandler(isDefault = true)
	void onCaseEvent(Object event) {
		if (event instanceof CaseEvent caseEvent) {
			this.cases.findById(caseEvent.caseId())
				.flatMap((followupCase) -> this.notices.noticeFor(caseEvent, followupCase))
				.ifPresent(this.publisher::publishAndWait);
		}
	}

}
