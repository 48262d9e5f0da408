package com.complaintflow.triage.decision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.IncidentDetected;
import com.complaintflow.events.Topics;
import com.complaintflow.support.erasure.CustomerErasure;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.kafka.PublishFailedException;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Triages the complaints of one poll as a batch: one read per collection, the complaints
 * decided in order in memory (a customer's later complaint sees the earlier one), one
 * bulk write per collection, one flush of the decisions and incident events, and only
 * then the offsets. A record that cannot be triaged is reported by itself after the
 * records before it were made durable: they commit, it is retried or dead-lettered alone,
 * the rest are redelivered (and answered from the store). A failure of a write or a send
 * is reported on the first record not yet durable, so an outage is retried without end.
 * Each complaint is decided, and its decision sent, in its own trace: its record's
 * {@code traceparent} (the container observes single records only). After the writes, a
 * customer whose erasure ran meanwhile is erased again ({@link CustomerErasure}), and
 * their complaints from before it are not published (their records commit).
 */
@Component
class ComplaintListener {

	private final Triage triage;

	private final EventPublisher publisher;

	private final ComplaintTrace trace;

	private final CustomerErasure erasure;

	ComplaintListener(Triage triage, EventPublisher publisher, ComplaintTrace trace, CustomerErasure erasure) {
		this.triage = triage;
		this.publisher = publisher;
		this.trace = trace;
		this.erasure = erasure;
	}

	@KafkaListener(topics = Topics.RECEIVED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		BatchRecords.Leading<ComplaintReceived> read = BatchRecords.leading(records,
				(record) -> BatchRecords.event(record, ComplaintReceived.class));
		List<ComplaintReceived> complaints = read.values();
		if (complaints.isEmpty()) {
			read.rethrow(records, "Cannot triage");
			return;
		}
		TriageBatch batch = BatchRecords.durably(records, "Reading the batch's history",
				() -> this.triage.begin(complaints));
		BatchRecords.Leading<ComplaintTriaged> decided = BatchRecords.leading(
				IntStream.range(0, complaints.size()).boxed().toList(),
				(i) -> this.trace.resume(records.get(i), "triage", () -> this.triage.triage(complaints.get(i), batch)));
		List<IncidentDetected> incidents = BatchRecords.durably(records, "Writing the batch's decisions", batch::write);
		List<ComplaintTriaged> decisions = decided.values();
		// a customer erased while the poll ran: what it wrote is erased again, and the
		// decisions of the complaints from before the erasure are not published
		Set<ComplaintReceived> erased = new HashSet<>(BatchRecords.durably(records, "Rechecking the batch's erasures",
				() -> this.erasure.eraseRaced(complaints.subList(0, decisions.size()))));
		publish(records, incidents,
				IntStream.range(0, decisions.size())
					.filter((i) -> !erased.contains(complaints.get(i)))
					.boxed()
					.toList(),
				(i) -> batch.toPublish(decisions.get(i)));
		// the first record that failed: a decision's, else the first unreadable record
		RuntimeException failure = (decided.failure() != null) ? decided.failure() : read.failure();
		new BatchRecords.Leading<>(decided.values(), failure).rethrow(records, "Cannot triage");
	}

	/**
	 * Publishes the incident events, then the decisions of the given records (one each,
	 * in the records' order), with one flush; a decision not acknowledged is its record's
	 * failure, an incident event the first record's.
	 * @param indexes the records whose decisions are published, in order
	 * @param decision a record's decision, by its index
	 */
	private void publish(List<ConsumerRecord<String, Object>> records, List<IncidentDetected> incidents,
			List<Integer> indexes, IntFunction<ComplaintTriaged> decision) {
		List<ComplaintEvent> events = new ArrayList<>(incidents.size() + indexes.size());
		List<String> traces = new ArrayList<>(incidents.size() + indexes.size());
		events.addAll(incidents);
		traces.addAll(Collections.nCopies(incidents.size(), (String) null));
		for (int i : indexes) {
			events.add(decision.apply(i));
			traces.add(ComplaintTrace.traceparent(records.get(i)));
		}
		try {
			this.publisher.publishAllAndWait(events, traces);
		}
		catch (PublishFailedException ex) {
			int failed = ex.index() - incidents.size();
			throw BatchRecords.failure("Publishing the decisions failed", ex,
					records.get((failed < 0) ? 0 : indexes.get(failed)));
		}
	}

}
