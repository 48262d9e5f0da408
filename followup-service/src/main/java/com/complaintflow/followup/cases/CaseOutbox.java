package com.complaintflow.followup.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.kafka.ComplaintEventDeserializer;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The events a case change must publish travel inside the case document and leave it only
 * after the broker acknowledged them, so a crash between saving and publishing loses
 * nothing: the next retry, or this sweeper, publishes them again with the same event ids.
 * They are published in the complaint's trace, stored with the case, whenever that is.
 */
@Component
public class CaseOutbox {

	private static final Logger logger = LoggerFactory.getLogger(CaseOutbox.class);

	private static final Duration SWEEP_AGE = Duration.ofSeconds(5);

	private static final int SWEEP_BATCH = 10_000;

	private final EventPublisher publisher;

	private final CaseStore store;

	private final ComplaintTrace trace;

	private final Clock clock;

	CaseOutbox(EventPublisher publisher, CaseStore store, ComplaintTrace trace, Clock clock) {
		this.publisher = publisher;
		this.store = store;
		this.trace = trace;
		this.clock = clock;
	}

	/** Adds an event to the case's outbox; it is written with the case. */
	public void add(FollowupCase followupCase, ComplaintEvent event) {
		followupCase.getPendingEvents().add(EventJson.mapper().writeValueAsString(event));
	}

	/** Publishes the case's pending events and removes them from the outbox. */
	public void flush(FollowupCase followupCase) {
		List<String> pending = List.copyOf(followupCase.getPendingEvents());
		if (pending.isEmpty()) {
			return;
		}
		this.trace.resume(followupCase.getTraceParent(), "case outbox",
				() -> this.publisher.publishAllAndWait(pending.stream().map(CaseOutbox::read).toList()));
		this.store.removePendingEvents(followupCase.getId(), pending);
		followupCase.getPendingEvents().removeAll(pending);
	}

	/**
	 * Publishes the pending events of many cases with one flush, then removes them from
	 * the outboxes in one bulk write.
	 */
	public void flushAll(List<FollowupCase> cases) {
		Map<String, List<String>> pending = new LinkedHashMap<>();
		Map<String, String> traceOf = new LinkedHashMap<>();
		for (FollowupCase followupCase : cases) {
			if (!followupCase.getPendingEvents().isEmpty()) {
				pending.put(followupCase.getId(), List.copyOf(followupCase.getPendingEvents()));
				traceOf.put(followupCase.getId(), followupCase.getTraceParent());
			}
		}
		if (pending.isEmpty()) {
			return;
		}
		// each case's events in its complaint's trace
		List<ComplaintEvent> events = new ArrayList<>();
		List<String> traces = new ArrayList<>();
		pending.forEach((caseId, jsons) -> jsons.forEach((json) -> {
			events.add(read(json));
			traces.add(traceOf.get(caseId));
		}));
		this.publisher.publishAllAndWait(events, traces);
		this.store.removePendingEvents(pending);
		cases.forEach((followupCase) -> followupCase.getPendingEvents()
			.removeAll(pending.getOrDefault(followupCase.getId(), List.of())));
	}

	/**
	 * Publishes the events of cases whose outbox was left non-empty (a crash or a broker
	 * outage after the save) for more than the sweep age. Reads only the outbox fields of
	 * the cases in the outbox index (one query for the cases), never the whole collection
	 * nor whole cases; the entries of cases found published are removed in one bulk
	 * write.
	 */
	@Scheduled(fixedDelayString = "${complaintflow.followup.outbox-sweep-interval:5s}")
	void sweep() {
		Instant before = this.clock.instant().minus(SWEEP_AGE);
		OutboxIndex index = this.store.outboxes();
		List<OutboxIndex.Entry> entries = index.entries(SWEEP_BATCH);
		Map<String, FollowupCase> cases = this.store
			.findOutboxes(entries.stream().map(OutboxIndex.Entry::caseId).toList());
		List<OutboxIndex.Entry> published = new ArrayList<>();
		for (OutboxIndex.Entry entry : entries) {
			FollowupCase followupCase = cases.get(entry.caseId());
			if (followupCase == null || followupCase.getPendingEvents().isEmpty()) {
				published.add(entry);
			}
			else if (followupCase.getUpdatedAt() == null || followupCase.getUpdatedAt().isBefore(before)) {
				try {
					flush(followupCase);
				}
				catch (RuntimeException ex) {
					logger.warn("Outbox of case {} not published yet: {}", followupCase.getId(), ex.getMessage());
				}
			}
		}
		index.removeAll(published);
	}

	private static ComplaintEvent read(String json) {
		return ComplaintEventDeserializer.read(null, json.getBytes(StandardCharsets.UTF_8));
	}

}
