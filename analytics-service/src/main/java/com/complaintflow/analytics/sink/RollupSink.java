package com.complaintflow.analytics.sink;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.complaintflow.analytics.journal.Timelines;
import com.complaintflow.analytics.rollup.BucketKey;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.DrillIndex;
import com.complaintflow.analytics.rollup.RollupStore;
import com.complaintflow.analytics.stream.AnalyticsTopics;
import com.complaintflow.analytics.stream.CompactSerde;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Materialises the Streams application's output into MongoDB, one poll at a time: the
 * latest value of each bucket and each complaint's events (with its drill index) in a few
 * bulk upserts, then the offsets. The values are whole states (not increments), so
 * writing one again after a crash changes nothing, and the topics are read committed, so
 * only what the exactly-once transactions committed is ever written. A complaint's
 * timeline is taken in the complaint's trace: the Streams topology passes each event's
 * headers through, so a timeline record carries the {@code traceparent} of the event that
 * changed it. A bucket sums many complaints (its header names only the last one), so its
 * write joins no complaint's trace. A poll's write that failed is retried with the same
 * records, and the consumer keeps polling meanwhile, so a rebalance can give their
 * partitions to another instance: each attempt writes only the records of partitions this
 * consumer still holds (the new owner writes the others, and maybe newer values of the
 * same buckets, which an older value must not overwrite).
 */
@Component
class RollupSink {

	/** The listener's id in the registry. */
	static final String LISTENER_ID = "analytics-sink";

	private final RollupStore store;

	private final Timelines timelines;

	private final AnalyticsTopics topics;

	private final ComplaintTrace trace;

	RollupSink(RollupStore store, Timelines timelines, AnalyticsTopics topics, ComplaintTrace trace) {
		this.store = store;
		this.timelines = timelines;
		this.topics = topics;
		this.trace = trace;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, containerFactory = SinkConfiguration.FACTORY,
			topics = { "#{@analyticsTopics.rollups()}", "#{@analyticsTopics.timelines()}" })
	void on(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
		Set<TopicPartition> held = consumer.assignment();
		Map<String, Map<String, Counters>> buckets = new LinkedHashMap<>();
		Map<String, byte[]> latest = new LinkedHashMap<>();
		// In offset order: the last value of a key in the poll is its latest.
		for (ConsumerRecord<String, byte[]> record : records) {
			if (!held.contains(new TopicPartition(record.topic(), record.partition()))) {
				continue;
			}
			if (record.topic().equals(this.topics.rollups())) {
				Counters value = (record.value() != null) ? CompactSerde.counters(record.value()) : new Counters();
				buckets.computeIfAbsent(BucketKey.documentIdOf(record.key()), (id) -> new LinkedHashMap<>())
					.put(BucketKey.fieldOf(record.key()), value);
			}
			else if (record.value() != null) {
				this.trace.resume(ComplaintTrace.traceparent(record), "timeline update",
						() -> latest.put(record.key(), record.value()));
			}
		}
		// only a complaint's latest state in the poll is read and written
		Map<String, Document> timelines = new LinkedHashMap<>();
		latest.forEach((complaintId, value) -> timelines.put(complaintId, CompactSerde.events(value)));
		this.store.write(buckets);
		this.timelines.write(timelines, DrillIndex::of);
	}

}
