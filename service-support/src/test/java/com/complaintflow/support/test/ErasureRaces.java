package com.complaintflow.support.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.complaintflow.support.erasure.ErasedCustomers;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The erasure race, made deterministic for a service's integration tests: an erasure
 * another instance recorded, which the service under test finds only by reading the
 * database after a poll's writes ({@code CustomerErasure.eraseRaced}), and the wait for a
 * record's poll to be done.
 */
public final class ErasureRaces {

	private ErasureRaces() {
	}

	/**
	 * Writes another instance's erasure marker from a clock an hour behind: the service's
	 * background refresh (markers written since its last read) never reads it, so its
	 * filter lets the customer's earlier events through as in the race, and only the
	 * recheck after a poll's writes (by customer) sees it. No eraser runs but the
	 * recheck's, as when the erasers ran before the poll wrote.
	 * @param mongo the service's database
	 * @param customerId the customer
	 * @param requestedAt when the erasure was requested
	 */
	public static void markErasedElsewhere(MongoTemplate mongo, String customerId, Instant requestedAt) {
		try (ErasedCustomers elsewhere = new ErasedCustomers(mongo,
				Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)))) {
			elsewhere.mark(customerId, requestedAt);
		}
	}

	/**
	 * Waits until the consumer group committed an offset past the record: its poll is
	 * done, writes, recheck and publishing.
	 * @param group the consumer group
	 * @param sent the record
	 * @param atMost how long to wait
	 */
	public static void awaitPollDone(String group, RecordMetadata sent, Duration atMost) {
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers()))) {
			await().atMost(atMost).until(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > sent.offset();
			});
		}
	}

}
