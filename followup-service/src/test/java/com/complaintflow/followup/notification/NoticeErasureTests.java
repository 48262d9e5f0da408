package com.complaintflow.followup.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.Language;
import com.complaintflow.events.NotificationKind;
import com.complaintflow.events.NotificationRequested;
import com.complaintflow.followup.FollowupIntegrationTest;
import com.complaintflow.followup.cases.CaseOpening;
import com.complaintflow.support.test.ErasureRaces;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice whose customer was erased while its poll ran, against the real broker and wire
 * server: the poll erases it again after keeping it, so no notice of the customer is left
 * to deliver.
 */
class NoticeErasureTests extends FollowupIntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Test
	void aNoticeWhoseCustomerWasErasedWhileItsPollRanIsErasedAgain() throws Exception {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String complaintId = "CMP-" + UUID.randomUUID();
		NotificationRequested notice = new NotificationRequested(UUID.randomUUID(), CaseOpening.SOURCE, at, complaintId,
				"C-" + complaintId, ComplaintEvent.CURRENT_SCHEMA_VERSION, CaseOpening.caseIdFor(complaintId),
				NotificationKind.ACCEPTED, Language.EN, "We are on it.", null);
		// only the recheck after the poll's writes sees this erasure, as in the race
		ErasureRaces.markErasedElsewhere(this.mongo, notice.customerId(), at.plusMillis(1));

		RecordMetadata sent = this.publisher.publish(notice).get().getRecordMetadata();

		ErasureRaces.awaitPollDone("followup", sent, SOON);
		assertThat(this.mongo.findById(notice.eventId().toString(), Notification.class, NotificationOutbox.OUTBOX))
			.isNull();
		assertThat(this.mongo.findById(notice.eventId().toString(), Notification.class, NotificationOutbox.DELIVERED))
			.isNull();
	}

}
