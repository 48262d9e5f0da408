package com.complaintflow.support.kafka;

import com.complaintflow.events.ComplaintEvent;

/**
 * The broker did not acknowledge an event in time; the caller must not report success.
 */
public class PublishFailedException extends RuntimeException {

	public PublishFailedException(ComplaintEvent event, Throwable cause) {
		super("Kafka did not acknowledge " + event.type() + " " + event.eventId() + ": " + cause, cause);
	}

}
