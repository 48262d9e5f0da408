package com.complaintflow.events.kafka;

/**
 * A well-formed record whose logical type this code does not know, for example one added
 * by a newer producer; like every invalid event it is dead-lettered with the reason.
 */
public class UnknownEventTypeException extends InvalidEventException {

	public UnknownEventTypeException(String typeName) {
		super("unknown event type '" + typeName + "'");
	}

}
