package com.complaintflow.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.Topics;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Re-drives dead letters after a fix: reads a topic's dead-letter topic (all of it, or
 * the records dead-lettered within a time range), and publishes each record that this
 * service's consumer group dead-lettered back onto its source topic and partition, with
 * its key, value and original headers and a {@link RedriveHeaders#GROUP} header, so only
 * this group processes it again. Consumers are idempotent, so re-driving twice is
 * harmless. Every re-drive is audited (log line and a {@code dead_letter_redrives}
 * document: who, when, what, how many, and whether it finished: written before the first
 * record is sent, so a re-drive that fails partway is on record too).
 */
public class DeadLetterRedrive {

	/** Where every re-drive is audited. */
	public static final String AUDIT_COLLECTION = "dead_letter_redrives";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterRedrive.class);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	/** How long a re-drive waits for the dead-letter topic while records are left. */
	static final Duration STALL_LIMIT = Duration.ofSeconds(60);

	private final KafkaProperties kafka;

	private final KafkaTemplate<Object, Object> template;

	private final MongoTemplate mongo;

	private final String group;

	public DeadLetterRedrive(KafkaProperties kafka, KafkaTemplate<Object, Object> template, MongoTemplate mongo,
			String group) {
		this.kafka = kafka;
		this.template = template;
		this.mongo = mongo;
		this.group = group;
	}

	/**
	 * Re-drives the dead letters of a topic.
	 * @param topic the source topic (one of {@link Topics#DECLARED})
	 * @param from the earliest dead-letter time re-driven, or null for the beginning
	 * @param to the time before which records are re-driven, or null for now
	 * @param operator who asked, for the audit
	 * @return what was done
	 */
	public Result redrive(String topic, Instant from, Instant to, String operator) {
		if (!Topics.DECLARED.contains(topic)) {
			throw new IllegalArgumentException("unknown topic " + topic + ", expected one of " + Topics.DECLARED);
		}
		Instant until = (to != null) ? to : Instant.now();
		String id = UUID.randomUUID().toString();
		// audited before the first record is sent, so a re-drive that fails partway is
		// on record with what it had sent
		this.mongo.insert(new Document("_id", id).append("at", Instant.now())
			.append("operator", operator)
			.append("group", this.group)
			.append("topic", topic)
			.append("from", from)
			.append("to", until)
			.append("state", "RUNNING"), AUDIT_COLLECTION);
		Counts counts = new Counts();
		try {
			copy(topic, from, until, id, counts);
		}
		catch (RuntimeException ex) {
			try {
				finish(id, "FAILED", counts);
			}
			catch (RuntimeException auditFailed) {
				ex.addSuppressed(auditFailed);
			}
			logger.warn("Re-drive {} by {} of {} failed after {} record(s): {}", id, operator, Topics.deadLetter(topic),
					counts.redriven, ex.toString());
			throw ex;
		}
		finish(id, "DONE", counts);
		logger.info("Re-drive {} by {}: {} record(s) of {} ({} to {}) re-driven for group {}, {} of other groups left",
				id, operator, counts.redriven, Topics.deadLetter(topic), (from != null) ? from : "the beginning", until,
				this.group, counts.otherGroups);
		return new Result(id, topic, this.group, counts.redriven, counts.otherGroups);
	}

	/**
	 * Publishes this group's records of the range back onto the source topic, counting as
	 * it goes; gives up when the dead-letter topic yields nothing for
	 * {@link #STALL_LIMIT} while records are left (the broker gone, say).
	 */
	private void copy(String topic, Instant from, Instant until, String id, Counts counts) {
		String deadLetters = Topics.deadLetter(topic);
		try (Consumer<String, byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetters)
				.stream()
				.map((info) -> new TopicPartition(deadLetters, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			seek(consumer, partitions, from);
			Map<TopicPartition, Long> remaining = new HashMap<>(end);
			remaining.entrySet().removeIf((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
			long progressAt = System.nanoTime();
			while (!remaining.isEmpty()) {
				ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
				for (ConsumerRecord<String, byte[]> record : records) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() >= end.get(partition) || record.timestamp() >= until.toEpochMilli()) {
						continue;
					}
					if (this.group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
						publish(topic, record, id);
						counts.redriven++;
					}
					else {
						counts.otherGroups++;
					}
				}
				int left = remaining.size();
				remaining.entrySet().removeIf((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
				if (!records.isEmpty() || remaining.size() < left) {
					progressAt = System.nanoTime();
				}
				else if (System.nanoTime() - progressAt > STALL_LIMIT.toNanos()) {
					// the broker's trouble, which may pass (a retry later is answered
					// 503)
					throw new org.apache.kafka.common.errors.TimeoutException("Nothing read from " + deadLetters
							+ " for " + STALL_LIMIT.toSeconds() + " s with records left; is the broker available?");
				}
			}
		}
	}

	private void finish(String id, String state, Counts counts) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("state", state)
					.set("finishedAt", Instant.now())
					.set("redriven", counts.redriven)
					.set("otherGroups", counts.otherGroups),
				AUDIT_COLLECTION);
	}

	private void seek(Consumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant from) {
		if (from == null) {
			consumer.seekToBeginning(partitions);
			return;
		}
		Map<TopicPartition, Long> query = new HashMap<>();
		partitions.forEach((partition) -> query.put(partition, from.toEpochMilli()));
		Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp offset = offsets.get(partition);
			consumer.seek(partition, (offset != null) ? offset.offset() : end.get(partition));
		}
	}

	private void publish(String topic, ConsumerRecord<String, byte[]> record, String id) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt") && !header.key().startsWith("redrive-")
					&& !header.key().equals("dlt-reason")) {
				headers.add(header);
			}
		}
		headers.add(RedriveHeaders.GROUP, this.group.getBytes(StandardCharsets.UTF_8));
		headers.add(RedriveHeaders.REDRIVE_ID, id.getBytes(StandardCharsets.UTF_8));
		ProducerRecord<Object, Object> copy = new ProducerRecord<>(topic, record.partition(), null, record.key(),
				record.value(), headers);
		try {
			this.template.send(copy).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while re-driving", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The broker did not take a re-driven record of " + topic, ex);
		}
	}

	private Consumer<String, byte[]> consumer() {
		Map<String, Object> properties = new HashMap<>(this.kafka.buildConsumerProperties());
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** What a re-drive has sent so far, and left to other groups. */
	private static final class Counts {

		int redriven;

		int otherGroups;

	}

	/**
	 * What a re-drive did.
	 *
	 * @param auditId the id of its audit document
	 * @param topic the source topic
	 * @param group the consumer group it re-drove for
	 * @param redriven records published again onto the source topic
	 * @param otherGroups records in range that other groups dead-lettered, left alone
	 */
	@Schema(name = "RedriveResult")
	public record Result(String auditId, String topic, String group, int redriven, int otherGroups) {

	}

}
