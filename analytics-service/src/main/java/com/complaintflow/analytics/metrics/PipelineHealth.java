package com.complaintflow.analytics.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads the pipeline's health from the broker with the admin client: records waiting in
 * each dead-letter topic (end minus start offsets) and each consumer group's lag per
 * topic (end offsets minus committed offsets).
 */
@Component
class PipelineHealth implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final KafkaAdmin kafkaAdmin;

	private Admin admin;

	PipelineHealth(KafkaAdmin kafkaAdmin) {
		this.kafkaAdmin = kafkaAdmin;
	}

	/**
	 * Records in each dead-letter topic (every declared topic's, notices and erasures
	 * too), keyed by the dead-letter topic's name.
	 */
	Map<String, Long> deadLetters() throws Exception {
		List<String> topics = Topics.DECLARED.stream().map(Topics::deadLetter).toList();
		Map<String, TopicDescription> descriptions = get(admin().describeTopics(topics).allTopicNames());
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		descriptions.values()
			.forEach((description) -> description.partitions()
				.forEach((partition) -> partitions.put(new TopicPartition(description.name(), partition.partition()),
						OffsetSpec.latest())));
		Map<TopicPartition, Long> end = offsets(partitions);
		partitions.replaceAll((partition, spec) -> OffsetSpec.earliest());
		Map<TopicPartition, Long> start = offsets(partitions);
		Map<String, Long> records = new TreeMap<>();
		topics.forEach((topic) -> records.put(topic, 0L));
		end.forEach((partition, offset) -> records.merge(partition.topic(),
				Math.max(0, offset - start.getOrDefault(partition, 0L)), Long::sum));
		return records;
	}

	/**
	 * A group's lag per topic it has committed offsets on: the event topics, and for the
	 * analytics Streams application and its sink also their own topics (repartition and
	 * output), so the backlog inside analytics shows too.
	 */
	Map<String, Long> lag(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = get(
				admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
		Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
		committed.forEach((partition, offset) -> {
			if (offset != null && !partition.topic().endsWith(Topics.DLT_SUFFIX)) {
				partitions.put(partition, OffsetSpec.latest());
			}
		});
		Map<TopicPartition, Long> end = offsets(partitions);
		Map<String, Long> lag = new TreeMap<>();
		end.forEach((partition, offset) -> lag.merge(partition.topic(),
				Math.max(0, offset - committed.get(partition).offset()), Long::sum));
		return lag;
	}

	private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> partitions) throws Exception {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		if (partitions.isEmpty()) {
			return offsets;
		}
		Map<TopicPartition, ListOffsetsResultInfo> result = get(admin().listOffsets(partitions).all());
		result.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private static <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
		return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

}
