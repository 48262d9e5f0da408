package com.complaintflow.analytics.stream;

import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Supplies a processor together with the one state store it uses, so the DSL's
 * {@code process()} creates and connects the store.
 *
 * @param <KIn> the input key
 * @param <VIn> the input value
 * @param <KOut> the output key
 * @param <VOut> the output value
 * @param processor a new processor per task
 * @param store the store's builder
 */
record StoreProcessor<KIn, VIn, KOut, VOut>(Supplier<Processor<KIn, VIn, KOut, VOut>> processor,
		StoreBuilder<?> store) implements ProcessorSupplier<KIn, VIn, KOut, VOut> {

	@Override
	public Processor<KIn, VIn, KOut, VOut> get() {
		return this.processor.get();
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(this.store);
	}

}
