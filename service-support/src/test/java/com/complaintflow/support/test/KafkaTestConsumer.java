package com.complaintflow.support.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads raw records from topics of the shared test broker, for assertions on what a
 * service published.
 */
public final class KafkaTestConsumer implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

	public KafkaTestConsumer(String... topics) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topics));
	}

	/** Polls once more and returns everything received so far. */
	public synchronized List<ConsumerRecord<String, byte[]>> poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.received::add);
		return List.copyOf(this.received);
	}

	@Override
	public synchronized void close() {
		this.consumer.close();
	}

}
