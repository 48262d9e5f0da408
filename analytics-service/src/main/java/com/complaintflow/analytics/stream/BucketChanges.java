package com.complaintflow.analytics.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.complaintflow.analytics.rollup.Counters;
import com.complaintflow.analytics.rollup.Slot;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Sums the complaints' changes per slot (an hour under full dimensions) in a logged store
 * ({@code pending}) and, at a fixed interval, spreads the sums over the buckets (hour,
 * day, month, both views) and sends each bucket's sum on, removing them from the store in
 * the same transaction: many complaints' changes to one bucket travel to its total as one
 * record, and a change is sent exactly once (pending or sent, never both, never neither).
 * Summing per slot, not per bucket, stores one sum per changed hour instead of six. The
 * sums since the last send are also kept as objects, so adding to a slot reads no stored
 * bytes back: the store stays the record (every sum is put there, and what is sent is
 * read from it), the objects only save decoding what was just encoded. They are dropped
 * at each send and whenever the task starts (Kafka Streams initialises the processor
 * again after any restore or rollback of the store). Sums kept per bucket by builds
 * before 2026-12-01 are sent as they are ({@link Slot#spread}).
 */
final class BucketChanges implements Processor<String, ComplaintState, String, Counters> {

	/** How many slots' bucket keys are remembered per task. */
	private static final int REMEMBERED = 10_000;

	private final String store;

	private final Duration interval;

	private final Map<String, Counters> sums = new HashMap<>();

	/**
	 * The bucket keys of the slots sent lately: a pure function of the slot, remembered.
	 */
	private final Map<String, List<String>> bucketKeys = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
			return size() > REMEMBERED;
		}

	};

	private KeyValueStore<String, Counters> pending;

	private ProcessorContext<String, Counters> context;

	private BucketChanges(String store, Duration interval) {
		this.store = store;
		this.interval = interval;
	}

	/**
	 * The processor with its store, named {@code store}, sending every {@code interval}.
	 */
	static ProcessorSupplier<String, ComplaintState, String, Counters> supplier(String store, Serde<Counters> counters,
			Duration interval) {
		StoreBuilder<KeyValueStore<String, Counters>> builder = Stores
			.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(), counters)
			.withCachingEnabled();
		return new StoreProcessor<>(() -> new BucketChanges(store, interval), builder);
	}

	@Override
	public void init(ProcessorContext<String, Counters> context) {
		this.context = context;
		this.pending = context.getStateStore(this.store);
		this.sums.clear();
		context.schedule(this.interval, PunctuationType.WALL_CLOCK_TIME, this::send);
	}

	@Override
	public void process(Record<String, ComplaintState> record) {
		record.value().changes().forEach((slot, change) -> {
			Counters sum = this.sums.computeIfAbsent(slot, this::stored);
			sum.merge(change);
			this.pending.put(slot, sum);
		});
	}

	/** A slot's pending sum as stored (restored from the changelog), or none yet. */
	private Counters stored(String slot) {
		Counters sum = this.pending.get(slot);
		return (sum != null) ? sum : new Counters();
	}

	private void send(long timestamp) {
		List<KeyValue<String, Counters>> due = new ArrayList<>();
		try (KeyValueIterator<String, Counters> all = this.pending.all()) {
			all.forEachRemaining(due::add);
		}
		Map<String, Counters> buckets = new TreeMap<>();
		for (KeyValue<String, Counters> sum : due) {
			this.pending.delete(sum.key);
			Slot.addTo(this.bucketKeys.computeIfAbsent(sum.key, Slot::bucketsOf), sum.value, buckets);
		}
		buckets.forEach((bucket, sum) -> {
			if (!sum.isEmpty()) {
				this.context.forward(new Record<>(bucket, sum, timestamp));
			}
		});
		this.sums.clear();
	}

}
