package com.complaintflow.followup.cases;

import java.util.List;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;
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
 * (an outage) retries the whole poll (every write is idempotent).
 */
@Component
class ReceivedListener {

	private final ComplaintWordsIntake words;

	private final ComplaintTrace trace;

	ReceivedListener(ComplaintWordsIntake words, ComplaintTrace trace) {
		this.words = words;
		this.trace = trace;
	}

	@KafkaListener(topics = Topics.RECEIVED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchRecords.Leading<ComplaintWordsIntake.Pending> poll = BatchRecords.leading(records,
				(record) -> this.trace.resume(record, "customer's words",
						() -> ComplaintWordsIntake.pending(BatchRecords.event(record, ComplaintReceived.class))));
		BatchRecords.durably(records, "Keeping the customers' words", () -> {
			this.words.received(poll.values());
			return null;
		});
		poll.rethrow(records, "Cannot take the customer's words");
	}

}
