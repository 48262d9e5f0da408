package com.complaintflow.followup.cases;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the customer's words and contact from every received complaint; the offset
 * commits after they are stored with the case, or kept until its case opens.
 */
@Component
class ReceivedListener {

	private final ComplaintWordsIntake words;

	ReceivedListener(ComplaintWordsIntake words) {
		this.words = words;
	}

	@KafkaListener(topics = Topics.RECEIVED)
	void on(ComplaintReceived event) {
		this.words.received(event);
	}

}
