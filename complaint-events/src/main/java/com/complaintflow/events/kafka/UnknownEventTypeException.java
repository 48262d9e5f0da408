package com.complaintflow.events.kafka;

/**
 * A well-formed record whose logical type this code does not know, for example one added
 * by a newer producer; a consumer that reads every type may skip it instead of
 * dead-lettering it.
 */
public class UnknownEventTypeException extends InvalidEventException {

	private final String typeName;

	public UnknownEventTypeException(String typeName) {
		super("unknown event type '" + typeName + "'");
		this.typeName = typeName;
	}

	public String typeName() {
		return this.typeName;
	}

}
