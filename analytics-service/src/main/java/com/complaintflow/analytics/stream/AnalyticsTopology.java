package com.complaintflow.analytics.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.events.CaseWorked;
import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.EventType;
import com.complaintflow.events.Topics;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import com.complaintflow.events.kafka.ComplaintEventSerializer;
import com.complaintflow.events.kafka.InvalidEventException;
import com.complaintflow.support.kafka.KafkaTopicSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The analytics engine, on Kafka Streams (exactly once): every event becomes an entry of
 * its complaint's state (a KTable keyed by complaint id, built from all topics in any
 * order); each change of a complaint's state yields what it changed in each hour slot
 * (the complaint's new share minus its old one), summed per slot and spread over the
 * rollup buckets every {@code SEND_INTERVAL}; the buckets are a grouped aggregation
 * adding those changes, so a complaint's contribution moves exactly when its state
 * changes, in the same transaction. Buckets and timelines are written to two compacted
 * topics that {@code RollupSink} materialises into MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class AnalyticsTopology {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsTopology.class);

	static final String COMPLAINTS_STORE = "complaints";

	static final String BUCKETS_STORE = "buckets";

	static final String PENDING_STORE = "pending";

	/** How often the summed changes per bucket go on to the bucket totals. */
	private static final Duration SEND_INTERVAL = Duration.ofMillis(100);

	private static final Serde<String> KEYS = Serdes.String();

	private static final Serde<ComplaintEvent> EVENTS = Serdes.serdeFrom(new ComplaintEventSerializer(),
			new ComplaintEventDeserializer());

	private static final Serde<JournalEntry> ENTRIES = CompactSerde.ENTRIES;

	private static final Serde<ComplaintState> STATES = CompactSerde.STATES;

	private static final Serde<Counters> COUNTERS = CompactSerde.COUNTER_VALUES;

	/**
	 * A stream thread that dies of an unexpected error (a fenced or out-of-sequence
	 * producer, say) is replaced: the new one aborts the open transaction and resumes
	 * from the last commit, so nothing is lost or counted twice. It is replaced after a
	 * pause that grows while the failures keep coming ({@link ThreadReplacementPause}),
	 * so one that fails on every attempt does not spin.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
		ThreadReplacementPause pauses = new ThreadReplacementPause(Clock.systemUTC());
		return (factoryBean) -> factoryBean.setStreamsUncaughtExceptionHandler((exception) -> {
			Duration pause = pauses.next();
			logger.error("Stream thread failed; replacing it in {} s", pause.toSeconds(), exception);
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		});
	}

	@Bean
	AnalyticsTopics analyticsTopics(KafkaProperties properties) {
		return AnalyticsTopics.of(properties.getStreams().getApplicationId());
	}

	@Bean
	NewTopic analyticsRollupsTopic(AnalyticsTopics topics, KafkaTopicSettings settings) {
		return compacted(topics.rollups(), settings);
	}

	@Bean
	NewTopic analyticsTimelinesTopic(AnalyticsTopics topics, KafkaTopicSettings settings) {
		return compacted(topics.timelines(), settings);
	}

	private static NewTopic compacted(String name, KafkaTopicSettings settings) {
		return TopicBuilder.name(name)
			.partitions(settings.partitions())
			.replicas(settings.replicationFactor())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInSyncReplicas())
			.build();
	}

	@Bean
	KTable<String, Counters> buckets(StreamsBuilder builder, AnalyticsTopics topics, MeterRegistry registry) {
		IngestMetrics metrics = new IngestMetrics(registry);
		KStream<String, ComplaintState> changed = builder
			.stream(Topics.ALL, Consumed.with(KEYS, EVENTS).withName("events"))
			// staff work that moves no lifecycle (case-worked) changes no figure
			.filter((customerId, event) -> !(event instanceof CaseWorked), Named.as("counted-types"))
			.map((customerId, event) -> KeyValue.pair(complaintId(event), metrics.ingested(event)),
					Named.as("entry-by-complaint"))
			.repartition(Repartitioned.with(KEYS, ENTRIES).withName("by-complaint"))
			.process(ComplaintChanges.supplier(COMPLAINTS_STORE, STATES, metrics::added), Named.as("complaint-state"));
		// the complaint's events, in the stored state's form (the sink reads them)
		changed.to(topics.timelines(), Produced.with(KEYS, STATES).withName("timelines"));
		KTable<String, Counters> buckets = changed
			.process(BucketChanges.supplier(PENDING_STORE, COUNTERS, SEND_INTERVAL), Named.as("pending-changes"))
			// explicit: the optimizer would otherwise merge it with by-complaint (the
			// processor hides that it changes the key)
			.repartition(Repartitioned.with(KEYS, COUNTERS).withName("by-bucket"))
			.groupByKey(Grouped.with(KEYS, COUNTERS))
			.aggregate(Counters::new, (bucket, change, total) -> total.merge(change), Named.as("bucket-totals"),
					Materialized.<String, Counters, KeyValueStore<Bytes, byte[]>>as(BUCKETS_STORE)
						.withKeySerde(KEYS)
						.withValueSerde(COUNTERS));
		buckets.toStream(Named.as("bucket-changes"))
			.to(topics.rollups(), Produced.with(KEYS, COUNTERS).withName("rollups"));
		return buckets;
	}

	private static String complaintId(ComplaintEvent event) {
		if (event.complaintId() == null || event.complaintId().isBlank() || event.eventId() == null
				|| event.occurredAt() == null) {
			throw new InvalidEventException("event without complaintId, eventId or occurredAt");
		}
		return event.complaintId();
	}

	/**
	 * Counts the events read, per type (redeliveries included), and the amounts not
	 * counted, per reason (once per event its complaint's state takes in: not for a
	 * duplicate); per instance.
	 */
	private static final class IngestMetrics {

		private final Map<EventType, Counter> ingested = new EnumMap<>(EventType.class);

		private final MeterRegistry registry;

		IngestMetrics(MeterRegistry registry) {
			this.registry = registry;
			for (EventType type : EventType.values()) {
				this.ingested.put(type,
						Counter.builder("complaintflow.analytics.events.ingested")
							.description("Events read by analytics, redeliveries included")
							.tag("type", type.typeName())
							.register(registry));
			}
		}

		/** The entry of an event read, counted by type. */
		JournalEntry ingested(ComplaintEvent event) {
			this.ingested.get(EventType.of(event)).increment();
			return JournalEntry.of(event);
		}

		/** Counts the amount an event new to its complaint did not count, if any. */
		void added(JournalEntry entry) {
			String rejected = entry.text("amountRejected");
			if (rejected != null) {
				Counter.builder("complaintflow.analytics.amounts.rejected")
					.description("Remedy amounts not counted (negative or too large), by reason; each event once")
					.tag("reason", rejected)
					.register(this.registry)
					.increment();
			}
		}

	}

}
