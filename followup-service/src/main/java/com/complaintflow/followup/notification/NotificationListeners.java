package com.complaintflow.followup.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import com.complaintflow.events.CaseEvent;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.events.Topics;
import com.complaintflow.followup.cases.CaseStore;
import com.complaintflow.followup.cases.FollowupCase;
import com.complaintflow.support.erasure.CustomerErasure;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Both halves of telling the customer, in one listener container (each container in the
 * group adds consumers to every rebalance), a poll at a time: the case events' cases are
 * read with one query and the notices they call for published on
 * {@link Topics#NOTIFICATIONS} with one flush (acknowledged before the offsets commit,
 * each in its complaint's trace); the notices requested there enter the delivery outbox
 * in bulk ({@link NotificationOutbox#enqueueAll}). A record that cannot be read, or whose
 * notice cannot be worded, is dead-lettered alone after the records before it were done;
 * a failure of the bulk work (an outage) retries the whole poll, which repeats nothing
 * (notice ids follow from the events). Each notice is worded in its record's trace (the
 * container observes single records only). After the notices are kept, a customer whose
 * erasure ran meanwhile is erased again ({@link CustomerErasure}).
 */
@Component
class NotificationListeners {

	private final CaseStore cases;

	private final CaseNotices notices;

	private final EventPublisher publisher;

	private final NotificationOutbox outbox;

	private final ComplaintTrace trace;

	private final CustomerErasure erasure;

	NotificationListeners(CaseStore cases, CaseNotices notices, EventPublisher publisher, NotificationOutbox outbox,
			ComplaintTrace trace, CustomerErasure erasure) {
		this.cases = cases;
		this.notices = notices;
		this.publisher = publisher;
		this.outbox = outbox;
		this.trace = trace;
		this.erasure = erasure;
	}

	@KafkaListener(topics = { Topics.CASES, Topics.NOTIFICATIONS }, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchRecords.Leading<ComplaintEvent> read = BatchRecords.leading(records,
				(record) -> BatchRecords.event(record, ComplaintEvent.class));
		List<String> caseIds = read.values()
			.stream()
			.filter(CaseEvent.class::isInstance)
			.map((event) -> ((CaseEvent) event).caseId())
			.distinct()
			.toList();
		Map<String, FollowupCase> found = BatchRecords.durably(records, "Reading the cases",
				() -> this.cases.findState(caseIds));
		BatchRecords.Leading<Optional<NotificationRequested>> told = BatchRecords
			.leading(IntStream.range(0, read.values().size()).boxed().toList(), (i) -> this.trace.resume(records.get(i),
					"customer notice", () -> noticeFor(read.values().get(i), found)));
		List<NotificationRequested> requested = new ArrayList<>();
		List<NotificationRequested> notices = new ArrayList<>();
		List<Integer> noticeRecords = new ArrayList<>();
		for (int i = 0; i < told.values().size(); i++) {
			if (read.values().get(i) instanceof NotificationRequested request) {
				requested.add(request);
			}
			else if (told.values().get(i).isPresent()) {
				notices.add(told.values().get(i).get());
				noticeRecords.add(i);
			}
		}
		BatchRecords.durably(records, "Keeping the notices", () -> {
			this.outbox.enqueueAll(requested);
			// a customer erased while the poll ran: their notices are erased again
			return this.erasure.eraseRaced(requested);
		});
		publish(records, notices, noticeRecords);
		new BatchRecords.Leading<>(told.values(), (told.failure() != null) ? told.failure() : read.failure())
			.rethrow(records, "Cannot tell the customer");
	}

	/** The notice a case event calls for (none for a case not stored here). */
	private Optional<NotificationRequested> noticeFor(ComplaintEvent event, Map<String, FollowupCase> cases) {
		if (event instanceof CaseEvent caseEvent && cases.containsKey(caseEvent.caseId())) {
			return this.notices.noticeFor(event, cases.get(caseEvent.caseId()));
		}
		return Optional.empty();
	}

	/**
	 * Publishes the notices with one flush; one not acknowledged is its record's failure
	 * (the records before it commit, their notices were acknowledged).
	 */
	private void publish(List<ConsumerRecord<String, Object>> records, List<NotificationRequested> notices,
			List<Integer> noticeRecords) {
		try {
			this.publisher.publishAllAndWait(notices,
					noticeRecords.stream().map((i) -> ComplaintTrace.traceparent(records.get(i))).toList());
		}
		catch (PublishFailedException ex) {
			throw BatchRecords.failure("Publishing the notices failed: " + ex.getMessage(), ex,
					records.get(noticeRecords.get(ex.index())));
		}
	}

}
