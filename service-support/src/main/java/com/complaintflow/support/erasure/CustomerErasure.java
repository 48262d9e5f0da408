package com.complaintflow.support.erasure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.complaintflow.events.ComplaintEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's erasure in this service: the marker first, then the service's erasers in
 * order; and the erasers again for what a poll wrote while the customer's erasure ran.
 */
public class CustomerErasure {

	private static final Logger logger = LoggerFactory.getLogger(CustomerErasure.class);

	private final List<CustomerDataEraser> erasers;

	private final ErasedCustomers erased;

	public CustomerErasure(List<CustomerDataEraser> erasers, ErasedCustomers erased) {
		this.erasers = List.copyOf(erasers);
		this.erased = erased;
	}

	/**
	 * Records the customer's erasure, then runs every eraser for the customer. The marker
	 * comes first: a poll that does not find it in {@link #eraseRaced} wrote before the
	 * erasers ran, and they delete what it wrote.
	 * @return documents erased or scrubbed, by collection
	 */
	Map<String, Long> erase(String customerId, Instant requestedAt) {
		this.erased.mark(customerId, requestedAt);
		return eraseAll(customerId);
	}

	/**
	 * Erases again, after a poll's writes, what it wrote for the customers whose erasure
	 * was requested at or after one of their events in it: the listeners' filter let
	 * those events through before it knew the erasure (it ran while the poll did, or on
	 * another instance less than a refresh ago). The markers are read from the database
	 * now, by customer; an erasure whose marker is not there yet runs its erasers after
	 * the poll's writes.
	 * @param events the poll's events whose effects were written
	 * @param <E> their type
	 * @return those of them that happened at or before their customer's erasure: what
	 * they caused must not be published
	 * @throws org.springframework.dao.DataAccessException when the markers cannot be read
	 * or an eraser fails (the poll must be retried)
	 */
	public <E extends ComplaintEvent> List<E> eraseRaced(List<E> events) {
		List<String> customers = events.stream().map(ComplaintEvent::customerId).filter(Objects::nonNull).toList();
		if (customers.isEmpty()) {
			return List.of();
		}
		Map<String, Instant> requested = this.erased.erasureRequestedAtNow(customers);
		List<E> raced = new ArrayList<>();
		Set<String> erasedAgain = new LinkedHashSet<>();
		for (E event : events) {
			Instant erasure = requested.get(event.customerId());
			if (erasure != null && !event.originatedAt().isAfter(erasure)) {
				raced.add(event);
				erasedAgain.add(event.customerId());
			}
		}
		erasedAgain.forEach(this::eraseAll);
		if (!erasedAgain.isEmpty()) {
			logger.info("Erased again what a poll wrote for {} customers erased while it ran", erasedAgain.size());
		}
		return raced;
	}

	private Map<String, Long> eraseAll(String customerId) {
		Map<String, Long> erased = new TreeMap<>();
		for (CustomerDataEraser eraser : this.erasers) {
			eraser.erase(customerId).forEach((collection, n) -> erased.merge(collection, n, Long::sum));
		}
		return erased;
	}

}
