package com.complaintflow.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The event a record of a batch listener's poll carries: a batch listener receives a
 * record that could not be read as it is (its value null, the failure in a header), so it
 * asks here and gets the event or the failure to report for that record alone. A batch
 * listener reads its poll with {@link #leading}, runs the poll's reads and writes
 * {@link #durably}, then {@link Leading#rethrow reports} the record that failed, if any:
 * the records before it commit, it is retried or dead-lettered alone, the rest are
 * redelivered.
 */
public final class BatchRecords {

	private static final LogAccessor log = new LogAccessor(BatchRecords.class);

	private BatchRecords() {
	}

	/**
	 * The record's event.
	 * @param record a record of the poll
	 * @param type the event type the listener takes
	 * @param <T> that type
	 * @return the event
	 * @throws DeserializationException when the record could not be read (not JSON, an
	 * unknown type or schema version)
	 * @throws IllegalArgumentException when it is another event
	 */
	public static <T> T event(ConsumerRecord<?, ?> record, Class<T> type) {
		if (type.isInstance(record.value())) {
			return type.cast(record.value());
		}
		DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		if (failure != null) {
			throw failure;
		}
		throw new IllegalArgumentException("not a " + type.getSimpleName() + ": "
				+ ((record.value() != null) ? record.value().getClass().getSimpleName() : "null"));
	}

	/**
	 * Reads a poll's records (or what its first records were read as) in order up to the
	 * first that cannot be read.
	 * @param records the poll, or what its first records were read as
	 * @param read reads one record (its event, or what the listener makes of it); a
	 * failure is that record's
	 * @param <R> the record type
	 * @param <T> what a record is read as
	 * @return what the records before the first failure were read as, and that failure
	 */
	public static <R, T> Leading<T> leading(List<R> records, Function<R, T> read) {
		List<T> values = new ArrayList<>(records.size());
		for (R record : records) {
			try {
				values.add(read.apply(record));
			}
			catch (RuntimeException ex) {
				return new Leading<>(values, ex);
			}
		}
		return new Leading<>(values, null);
	}

	/**
	 * Runs a read or write of the whole poll; its failure (an outage, retried without
	 * limit when transient) is reported on the first record, so the whole poll is
	 * redelivered: every step must be idempotent. A failure here is assumed to be the
	 * infrastructure's, never a record's: a record that could never be written (an
	 * instant out of {@code InstantRange}, say) is stopped at reading, where
	 * {@link #leading} reports it alone; one that got this far would be blamed on the
	 * poll's first record.
	 * @param records the poll
	 * @param what the step, for the message
	 * @param step the step
	 * @param <T> its result
	 * @return its result
	 */
	public static <T> T durably(List<? extends ConsumerRecord<?, ?>> records, String what, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (RuntimeException ex) {
			throw failure(what + " failed: " + ex.getMessage(), ex, records.get(0));
		}
	}

	/**
	 * The failure to report for one record of a poll. Its class says whose failure it is:
	 * the infrastructure's (retried without limit) or the record's own (retried a few
	 * times, then dead-lettered). The error handler keeps the back-off of a record's
	 * first failure for as long as the exception's class stays the same, so without the
	 * two classes a record retried through an outage that then fails on its own would be
	 * retried for ever, holding up its partition, and one that failed on its own and then
	 * met an outage would be dead-lettered for the outage.
	 * @param message what could not be done
	 * @param cause the failure
	 * @param record the record to report it on
	 * @return the exception to throw
	 */
	public static BatchListenerFailedException failure(String message, Throwable cause, ConsumerRecord<?, ?> record) {
		return TransientFailures.isTransient(cause) ? new InfrastructureFailure(message, cause, record)
				: new RecordFailure(message, cause, record);
	}

	/** A record's poll met a failure of the infrastructure. */
	static final class InfrastructureFailure extends BatchListenerFailedException {

		InfrastructureFailure(String message, Throwable cause, ConsumerRecord<?, ?> record) {
			super(message, cause, record);
		}

	}

	/** A record failed on its own (or for a reason not known to pass). */
	static final class RecordFailure extends BatchListenerFailedException {

		RecordFailure(String message, Throwable cause, ConsumerRecord<?, ?> record) {
			super(message, cause, record);
		}

	}

	/**
	 * What a poll's first records were read as, and the failure of the record after them
	 * (null when every record was read).
	 *
	 * @param <T> what a record is read as
	 * @param values one per leading record, in order
	 * @param failure the failure of record number {@code values.size()}, or null
	 */
	public record Leading<T>(List<T> values, RuntimeException failure) {

		/**
		 * Reports the record that failed, if any, after the records before it were made
		 * durable (by record, not index: a filter may have shortened the batch).
		 * @param records the poll
		 * @param what what could not be done, for the message
		 * @throws BatchListenerFailedException naming that record
		 */
		public void rethrow(List<? extends ConsumerRecord<?, ?>> records, String what) {
			if (this.failure != null) {
				throw BatchRecords.failure(what + ": " + this.failure.getMessage(), this.failure,
						records.get(this.values.size()));
			}
		}

	}

}
