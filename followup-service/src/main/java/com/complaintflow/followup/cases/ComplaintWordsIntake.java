package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Brings a received complaint's personal data (contact and words) into its case, in
 * whichever order {@code complaint-received} and {@code complaint-triaged} arrive: the
 * words are first kept in {@code received_pending} (keyed by case id), then copied into
 * the case if it exists and the pending copy removed; storing new cases (a poll of
 * decisions, {@link CaseBatch}) copies any pending words the same way. Both steps are
 * conditional writes, so redeliveries and the race between the two listeners copy the
 * words exactly once.
 */
@Component
public class ComplaintWordsIntake {

	private final MongoTemplate mongo;

	private final CaseStore store;

	ComplaintWordsIntake(MongoTemplate mongo, CaseStore store) {
		this.mongo = mongo;
		this.store = store;
	}

	/** Per record: keeps the words, and attaches them if the case is open already. */
	public void received(ComplaintReceived received) {
		String caseId = CaseOpening.caseIdFor(received.complaintId());
		Pending pending = new Pending(caseId, received.customerId(), received.language(), CasePersonal.of(received),
				received.occurredAt());
		this.mongo.save(pending);
		attach(pending);
	}

	/**
	 * After cases were stored: attaches the words that arrived before them (one
	 * {@code _id $in} read; nothing is written when none did).
	 */
	void opened(List<String> caseIds) {
		if (caseIds.isEmpty()) {
			return;
		}
		this.mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Pending.class).forEach(this::copy);
	}

	/**
	 * Copies the words into the case if it exists (the existence is checked after the
	 * pending copy was written, so a case stored later finds that copy).
	 */
	private void attach(Pending pending) {
		if (!this.store.existingIds(List.of(pending.id())).isEmpty()) {
			copy(pending);
		}
	}

	/** Copies the words into the existing case (once), then removes the pending copy. */
	private void copy(Pending pending) {
		this.store.attachPersonal(pending.id(), pending.personal(), pending.language());
		this.mongo.remove(Query.query(Criteria.where("_id").is(pending.id())), Pending.class);
	}

	/**
	 * A received complaint whose case is not open yet: personal data, removed once copied
	 * into the case.
	 *
	 * @param id the case id
	 * @param customerId the customer, for erasure
	 * @param language the complaint's language
	 * @param personal contact and words
	 * @param receivedAt when intake accepted it
	 */
	@Document("received_pending")
	record Pending(@Id String id, String customerId, Language language, CasePersonal personal, Instant receivedAt) {

		@Override
		public String toString() {
			return "Pending[id=" + this.id + "]";
		}

	}

}
