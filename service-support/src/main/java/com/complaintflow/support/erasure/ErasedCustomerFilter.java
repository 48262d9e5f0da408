package com.complaintflow.support.erasure;

import java.time.Instant;
import java.util.Set;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.CustomerDataErased;
import com.complaintflow.events.CustomerErased;
import com.complaintflow.events.IncidentDetected;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.adapter.RecordFilterStrategy;

/**
 * The listeners' record filter in a service that erases customers: it skips an event of
 * an erased customer that happened before the erasure was requested (it was still in a
 * topic when the erasure ran, or was re-driven or replayed later), so it cannot write the
 * erased data again; and whatever the other filter skips. The erasure's own events are
 * never skipped, nor an outage's (its customer is only its first member's, as its key).
 */
class ErasedCustomerFilter implements RecordFilterStrategy<Object, Object> {

	private static final Logger logger = LoggerFactory.getLogger(ErasedCustomerFilter.class);

	private static final Set<Class<?>> NEVER_SKIPPED = Set.of(CustomerErased.class, CustomerDataErased.class,
			IncidentDetected.class);

	private final RecordFilterStrategy<Object, Object> other;

	private final ErasedCustomers erased;

	ErasedCustomerFilter(RecordFilterStrategy<Object, Object> other, ErasedCustomers erased) {
		this.other = other;
		this.erased = erased;
	}

	@Override
	public boolean filter(ConsumerRecord<Object, Object> record) {
		if (this.other.filter(record)) {
			return true;
		}
		if (!(record.value() instanceof ComplaintEvent event) || NEVER_SKIPPED.contains(event.getClass())
				|| event.customerId() == null) {
			return false;
		}
		Instant erasure = this.erased.erasureRequestedAt(event.customerId());
		if (erasure == null || event.originatedAt().isAfter(erasure)) {
			return false;
		}
		logger.info("Skipped event {} ({} on {}): its customer's data was erased after it", event.eventId(),
				event.getClass().getSimpleName(), record.topic());
		return true;
	}

}
