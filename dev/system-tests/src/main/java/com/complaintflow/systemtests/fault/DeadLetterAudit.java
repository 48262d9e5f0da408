package com.complaintflow.systemtests.fault;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.complaintflow.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records in every dead-letter topic: after a run whose faults are only of the
 * infrastructure, there must be none.
 */
final class DeadLetterAudit {

	private DeadLetterAudit() {
	}

	static long count(String bootstrapServers) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"dead-letter-audit-" + UUID.randomUUID()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			long total = 0;
			for (String topic : Topics.DECLARED) {
				String deadLetters = Topics.deadLetter(topic);
				List<TopicPartition> partitions = consumer.partitionsFor(deadLetters)
					.stream()
					.map((info) -> new TopicPartition(deadLetters, info.partition()))
					.toList();
				Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
				for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
					total += end.getValue() - begin.get(end.getKey());
				}
			}
			return total;
		}
	}

}
