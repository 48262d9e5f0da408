package com.complaintflow.analytics.sink;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.complaintflow.analytics.journal.Timelines;
import com.complaintflow.analytics.rollup.BucketKey;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Dims;
import com.complaintflow.analytics.rollup.Grain;
import com.complaintflow.analytics.rollup.RollupStore;
import com.complaintflow.analytics.rollup.View;
import com.complaintflow.analytics.stream.AnalyticsTopics;
import com.complaintflow.support.test.TestInfrastructure;
import com.complaintflow.support.tracing.ComplaintTrace;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink writes only the records of partitions its consumer holds: a poll's write
 * retried after a rebalance gave a partition to another instance must not put an older
 * value over the one the new owner wrote (a real consumer's assignment, a real database).
 */
class RollupSinkTests {

	private static final AnalyticsTopics TOPICS = new AnalyticsTopics("analytics.rollups", "analytics.timelines");

	private static final Instant HOUR = Instant.parse("2026-11-22T10:00:00Z");

	private static AnnotationConfigApplicationContext context;

	@BeforeAll
	static void start() {
		TestInfrastructure.start();
		MongoTemplate mongo = TestInfrastructure.freshDatabase("sink");
		context = new AnnotationConfigApplicationContext();
		context.registerBean(MongoTemplate.class, () -> mongo);
		context.registerBean(AnalyticsTopics.class, () -> TOPICS);
		context.registerBean(ComplaintTrace.class, () -> new ComplaintTrace(Tracer.NOOP, Propagator.NOOP));
		context.register(RollupStore.class, Timelines.class, RollupSink.class);
		context.refresh();
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void recordsOfAPartitionThisConsumerNoLongerHoldsAreNotWritten() {
		RollupStore store = context.getBean(RollupStore.class);
		BucketKey bucket = new BucketKey(Grain.HOUR, HOUR, View.MAIN,
				new Dims("HOTLINE", "NETWORK", Dims.UNKNOWN, "VENTING", "NETWORK_FAULT"));
		Counters newer = new Counters().add("received", 7);
		store.write(Map.of(bucket.documentId(), Map.of(bucket.field(), newer)));
		// a tombstone clears the bucket: the older value a retry still holds
		ConsumerRecord<String, byte[]> onPartition1 = new ConsumerRecord<>(TOPICS.rollups(), 1, 40, bucket.text(),
				null);
		ConsumerRecord<String, byte[]> onPartition0 = new ConsumerRecord<>(TOPICS.rollups(), 0, 41, bucket.text(),
				null);

		try (KafkaConsumer<String, byte[]> consumer = consumerHolding(new TopicPartition(TOPICS.rollups(), 0))) {
			context.getBean(RollupSink.class).on(List.of(onPartition1), consumer);
			assertThat(received(store)).as("partition 1 is another instance's now").isEqualTo(7);

			context.getBean(RollupSink.class).on(List.of(onPartition0), consumer);
			assertThat(received(store)).as("partition 0 is held: written").isZero();
		}
	}

	private static long received(RollupStore store) {
		return store.readBuckets(HOUR, HOUR.plusSeconds(3600), (view, dims) -> view == View.MAIN)
			.stream()
			.mapToLong((bucket) -> bucket.counters().get("received"))
			.sum();
	}

	private static KafkaConsumer<String, byte[]> consumerHolding(TopicPartition partition) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.assign(List.of(partition));
		return consumer;
	}

}
