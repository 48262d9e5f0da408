package com.complaintflow.support.kafka;

import java.util.Set;

import com.complaintflow.events.ComplaintEvent;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The broker did not acknowledge an event in time; the caller must not report success. A
 * failure of the infrastructure (the usual case) is transient; a record the broker or the
 * serializer rejects for what it is (too large, not serializable) is not, so it is not
 * retried without end.
 */
public class PublishFailedException extends RuntimeException {

	private static final Set<Class<? extends Throwable>> REJECTED_RECORD = Set.of(RecordTooLargeException.class,
			RecordBatchTooLargeException.class, InvalidRecordException.class, SerializationException.class);

	private static final int MAX_DEPTH = 16;

	private final transient ComplaintEvent event;

	private final int index;

	public PublishFailedException(ComplaintEvent event, Throwable cause) {
		this(event, 0, cause);
	}

	/**
	 * A failure of one event of a list.
	 * @param event the event not acknowledged
	 * @param index its position in the list published
	 * @param cause why
	 */
	public PublishFailedException(ComplaintEvent event, int index, Throwable cause) {
		super("Kafka did not acknowledge " + event.type() + " " + event.eventId() + ": " + cause, cause);
		this.event = event;
		this.index = index;
	}

	/** The event not acknowledged. */
	public ComplaintEvent event() {
		return this.event;
	}

	/**
	 * The position of the event in the list published (0 for a single event); every event
	 * before it was acknowledged.
	 */
	public int index() {
		return this.index;
	}

	/**
	 * Whether a retry can succeed once the infrastructure is back: false only when the
	 * record itself was rejected (too large, not serializable).
	 */
	public boolean isTransient() {
		Throwable current = getCause();
		for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
			Throwable failure = current;
			if (REJECTED_RECORD.stream().anyMatch((type) -> type.isInstance(failure))) {
				return false;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return true;
	}

}
