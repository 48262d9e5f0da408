package com.complaintflow.analytics.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.complaintflow.analytics.journal.JournalEntry;
import com.complaintflow.analytics.rollup.Counters;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Adds each event to its complaint's events in the {@code complaints} store (cached and
 * logged: only the events are stored) and forwards the complaint's new state with what
 * the event changed in the rollups, and tells {@code added} about it; a duplicate
 * forwards and tells nothing. The shares of the complaints changed last are remembered
 * (bounded, per task), so an event of a complaint seen recently costs one computation of
 * its shares, not two; they are used only when they were computed from exactly the events
 * the store holds.
 */
final class ComplaintChanges implements Processor<String, JournalEntry, String, ComplaintState> {

	/** How many complaints' shares are remembered per task. */
	private static final int REMEMBERED = 10_000;

	private final String store;

	private final Consumer<JournalEntry> added;

	private final Map<String, Known> recent = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
			return size() > REMEMBERED;
		}

	};

	private KeyValueStore<String, ComplaintState> complaints;

	private ProcessorContext<String, ComplaintState> context;

	/**
	 * The processor with its store, named {@code store}, telling {@code added} each event
	 * new to its complaint.
	 */
	static ProcessorSupplier<String, JournalEntry, String, ComplaintState> supplier(String store,
			Serde<ComplaintState> states, Consumer<JournalEntry> added) {
		StoreBuilder<KeyValueStore<String, ComplaintState>> builder = Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), states)
			.withCachingEnabled();
		return new StoreProcessor<>(() -> new ComplaintChanges(store, added), builder);
	}

	private ComplaintChanges(String store, Consumer<JournalEntry> added) {
		this.store = store;
		this.added = added;
	}

	@Override
	public void init(ProcessorContext<String, ComplaintState> context) {
		this.context = context;
		this.complaints = context.getStateStore(this.store);
		this.recent.clear();
	}

	@Override
	public void process(Record<String, JournalEntry> record) {
		ComplaintState stored = this.complaints.get(record.key());
		if (stored == null) {
			stored = ComplaintState.empty(record.key());
		}
		Known known = this.recent.get(record.key());
		Map<String, Counters> before = (known != null && known.eventIds().equals(stored.entries().keySet()))
				? known.shares() : null;
		ComplaintState state = stored.with(record.key(), record.value(), before);
		if (state.fresh()) {
			this.complaints.put(record.key(), state);
			this.recent.put(record.key(), new Known(Set.copyOf(state.entries().keySet()), state.shares()));
			this.context.forward(record.withValue(state));
			this.added.accept(record.value());
		}
	}

	/**
	 * A complaint's shares and the events they were computed from.
	 *
	 * @param eventIds the ids of the events
	 * @param shares the shares
	 */
	private record Known(Set<String> eventIds, Map<String, Counters> shares) {

	}

}
