package com.complaintflow.followup.cases;

import java.util.ArrayList;
import java.util.List;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Topics;
import com.complaintflow.support.erasure.CustomerErasure;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.tracing.ComplaintTrace;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a case for every triage decision of a poll, in bulk; the offsets commit after the
 * cases are stored and their {@code CaseOpened} acknowledged. A record that is not a
 * decision, or whose case cannot be built, is reported by itself after the records before
 * it were opened: they commit, it is dead-lettered alone, the rest are redelivered. A
 * failure of the bulk work (an outage) is reported on the first record, so the whole poll
 * is retried (opening is idempotent). Each case is built in its decision's trace (the
 * record's {@code traceparent}), which it keeps for its outbox and reminders. Between
 * storing the cases and publishing, a customer whose erasure ran meanwhile is erased
 * again ({@link CustomerErasure}) and the cases of their decisions from before it are not
 * announced (their records commit).
 */
@Component
class TriagedListener {

	private final CaseOpening opening;

	private final ComplaintTrace trace;

	private final CustomerErasure erasure;

	TriagedListener(CaseOpening opening, ComplaintTrace trace, CustomerErasure erasure) {
		this.opening = opening;
		this.trace = trace;
		this.erasure = erasure;
	}

	@KafkaListener(topics = Topics.TRIAGED, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		List<ComplaintTriaged> decisions = new ArrayList<>(records.size());
		RuntimeException failure = null;
		for (ConsumerRecord<String, Object> record : records) {
			try {
				decisions.add(BatchRecords.event(record, ComplaintTriaged.class));
			}
			catch (RuntimeException ex) {
				failure = ex;
				break;
			}
		}
		int taken = 0;
		if (!decisions.isEmpty()) {
			CaseBatch batch = BatchRecords.durably(records, "Reading the cases", () -> this.opening.begin(decisions));
			for (ComplaintTriaged decision : decisions) {
				try {
					this.trace.resume(ComplaintTrace.traceparent(records.get(taken)), "open case",
							() -> batch.add(decision));
					taken++;
				}
				catch (RuntimeException ex) {
					failure = ex;
					break;
				}
			}
			BatchRecords.durably(records, "Writing the cases", () -> {
				batch.write(this.erasure::eraseRaced);
				return null;
			});
		}
		if (failure != null) {
			// by record, not index: a filter (re-drives for other groups) may have
			// shortened the batch
			throw BatchRecords.failure("Cannot open a case: " + failure.getMessage(), failure, records.get(taken));
		}
	}

}
