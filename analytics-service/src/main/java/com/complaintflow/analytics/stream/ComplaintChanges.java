package com.complaintflow.analytics.stream;

import com.complaintflow.analytics.journal.JournalEntry;
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
 * the event changed in the rollups; a duplicate forwards nothing.
 */
final class ComplaintChanges implements Processor<String, JournalEntry, String, ComplaintState> {

	private final String store;

	private KeyValueStore<String, ComplaintState> complaints;

	private ProcessorContext<String, ComplaintState> context;

	/** The processor with its store, named {@code store}. */
	static ProcessorSupplier<String, JournalEntry, String, ComplaintState> supplier(String store,
			Serde<ComplaintState> states) {
		StoreBuilder<KeyValueStore<String, ComplaintState>> builder = Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), states)
			.withCachingEnabled();
		return new StoreProcessor<>(() -> new ComplaintChanges(store), builder);
	}

	private ComplaintChanges(String store) {
		this.store = store;
	}

	@Override
	public void init(ProcessorContext<String, ComplaintState> context) {
		this.context = context;
		this.complaints = context.getStateStore(this.store);
	}

	@Override
	public void process(Record<String, JournalEntry> record) {
		ComplaintState stored = this.complaints.get(record.key());
		ComplaintState state = ((stored != null) ? stored : ComplaintState.empty(record.key())).with(record.key(),
				record.value());
		if (state.fresh()) {
			this.complaints.put(record.key(), state);
			this.context.forward(record.withValue(state));
		}
	}

}
