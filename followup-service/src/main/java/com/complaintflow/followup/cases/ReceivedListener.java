package com.complaintflow.followup.cases;

import java.util.List;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;
import com.complaintflow.support.erasure.CustomerErasure;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the customer's words and contact from the received complaints of a poll, in bulk
 * ({@link ComplaintWordsIntake}); the offsets commit after they are stored with their
 * cases, or kept until their cases open. A record that is not a received complaint is
 * dead-lettered alone after the records before it were stored; a failure of the bulk work
 * (an outage) retries the whole poll (every write is idempotent). After the writes, a
 * customer whose erasure ran meanwhile is erased again ({@link CustomerErasure}).
 */
@Component
class ReceivedListener {

	private final ComplaintWordsIntake words;

	private final ComplaintTrace trace;

	private final CustomerErasure erasure;

	ReceivedListener(ComplaintWordsIntake words, ComplaintTrace trace, CustomerErasure erasure) {
		this.words = words;
		this.trace = trace;
		this.erasure = erasure;
	}

	@KafkaListener(topics = Topics.RECEIVED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchRecords.Leading<ComplaintReceived> poll = BatchRecords.leading(records, (record) -> this.trace
			.resume(record, "customer's words", () -> BatchRecords.event(record, ComplaintReceived.class)));
		BatchRecords.durably(records, "Keeping the customers' words", () -> {
			this.words.received(poll.values().stream().map(ComplaintWordsIntake::pending).toList());
			// a customer erased while the poll ran is erased again
			return this.erasure.eraseRaced(poll.values());
		});
		poll.rethrow(records, "Cannot take the customer's words");
	}

}
