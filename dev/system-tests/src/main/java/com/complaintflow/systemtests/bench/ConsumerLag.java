package com.complaintflow.systemtests.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.complaintflow.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records a consumer group has yet to process on the event topics (dead-letter
 * topics excluded).
 */
final class ConsumerLag {

	private ConsumerLag() {
	}

	static long of(Admin admin, String group) throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(5, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
			.all()
			.get(5, TimeUnit.SECONDS);
		long lag = 0;
		for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
			if (entry.getValue() != null && !entry.getKey().topic().endsWith(Topics.DLT_SUFFIX)) {
				lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
			}
		}
		return lag;
	}

}
