package com.complaintflow.analytics.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.InvalidEventException;
import com.complaintflow.support.kafka.EventKafkaConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Sends a record of an event topic that is not a valid event (it does not deserialise, or
 * it cannot be read into a complaint's events) to {@code <topic>.DLT}, same partition,
 * with the reason in the {@code dlt-reason} header and the application id as
 * {@code kafka_dlt-original-consumer-group} (as spring-kafka's dead-letter publisher does
 * for the other consumers), and goes on with the next record. The dead letter is written
 * in the Streams transaction, so it is exactly once too. A failure inside the
 * application's own topics is a bug: it fails the stream thread, which is replaced after
 * a growing pause (AnalyticsTopology).
 */
public class StreamsDeadLetters implements DeserializationExceptionHandler, ProcessingExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(StreamsDeadLetters.class);

	private static final int MAX_REASON = 1000;

	private String group = "";

	@Override
	public void configure(Map<String, ?> configs) {
		Object applicationId = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
		this.group = (applicationId != null) ? applicationId.toString() : "";
	}

	@Override
	public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
			ConsumerRecord<byte[], byte[]> record, Exception exception) {
		if (!Topics.ALL.contains(context.topic())) {
			logger.error("Record of {} could not be read; failing the stream thread", context.topic(), exception);
			return DeserializationExceptionHandler.Response.fail();
		}
		return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
	}

	@Override
	public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
			Exception exception) {
		if (context.topic() == null || !Topics.ALL.contains(context.topic())) {
			logger.error("Processing failed on {}; failing the stream thread", context.topic(), exception);
			return ProcessingExceptionHandler.Response.fail();
		}
		return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(context, exception)));
	}

	private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
		String reason = reason(exception);
		logger.warn("Record {}-{}@{} dead-lettered: {}", context.topic(), context.partition(), context.offset(),
				reason);
		RecordHeaders headers = new RecordHeaders(context.headers().toArray());
		headers.remove(EventKafkaConfiguration.DLT_REASON_HEADER);
		headers.add(EventKafkaConfiguration.DLT_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		// The headers spring-kafka's dead-letter publisher writes for the other
		// consumers.
		headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, this.group.getBytes(StandardCharsets.UTF_8));
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, context.topic().getBytes(StandardCharsets.UTF_8));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(context.partition()).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(context.offset()).array());
		headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, exception.getClass().getName().getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(Topics.deadLetter(context.topic()), context.partition(), context.sourceRawKey(),
				context.sourceRawValue(), headers);
	}

	/** The failure in plain words, with the contract violation when there is one. */
	static String reason(Throwable exception) {
		Throwable root = exception;
		while (!(root instanceof InvalidEventException) && root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String reason = describe(exception) + ((root != exception) ? " (cause " + describe(root) + ")" : "");
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

	private static String describe(Throwable exception) {
		return exception.getClass().getSimpleName() + ": " + exception.getMessage();
	}

}
