package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.Language;
import com.complaintflow.support.mongo.UnorderedBulk;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Brings received complaints' personal data (contact and words) into their cases, in
 * whichever order {@code complaint-received} and {@code complaint-triaged} arrive, a poll
 * at a time: the words are first kept in {@code received_pending} (keyed by case id, one
 * bulk write), then copied into those cases that exist (one {@code _id $in} read) and the
 * pending copies removed; storing new cases (a poll of decisions, {@link CaseBatch})
 * copies any pending words the same way. The copies are conditional writes, so
 * redeliveries and the race between the two listeners copy the words exactly once.
 */
@Component
public class ComplaintWordsIntake {

	private final MongoTemplate mongo;

	private final CaseStore store;

	ComplaintWordsIntake(MongoTemplate mongo, CaseStore store) {
		this.mongo = mongo;
		this.store = store;
	}

	/** What a received complaint leaves for its case (no database work). */
	static Pending pending(ComplaintReceived received) {
		return new Pending(CaseOpening.caseIdFor(received.complaintId()), received.customerId(), received.language(),
				CasePersonal.of(received), received.occurredAt());
	}

	/**
	 * A poll's words: kept (one bulk write), then attached to the cases that are open
	 * already (existence read after the pending copies were written, so a case stored
	 * meanwhile finds them).
	 */
	void received(List<Pending> received) {
		if (received.isEmpty()) {
			return;
		}
		Map<String, Pending> byCase = new LinkedHashMap<>();
		received.forEach((pending) -> byCase.put(pending.id(), pending));
		UnorderedBulk.write(this.mongo, Pending.class,
				byCase.values()
					.stream()
					.<Consumer<BulkOperations>>map(
							(pending) -> (bulk) -> bulk.replaceOne(Query.query(Criteria.where("_id").is(pending.id())),
									pending, FindAndReplaceOptions.options().upsert()))
					.toList());
		copy(this.store.existingIds(List.copyOf(byCase.keySet())).stream().map(byCase::get).toList());
	}

	/**
	 * After cases were stored: attaches the words that arrived before them (one
	 * {@code _id $in} read; nothing is written when none did).
	 */
	void opened(List<String> caseIds) {
		if (caseIds.isEmpty()) {
			return;
		}
		copy(this.mongo.find(Query.query(Criteria.where("_id").in(caseIds)), Pending.class));
	}

	/**
	 * Copies the words into their existing cases (once: one conditional bulk write), then
	 * removes the pending copies (one delete).
	 */
	private void copy(List<Pending> pending) {
		if (pending.isEmpty()) {
			return;
		}
		Map<String, CaseStore.Personal> personal = new LinkedHashMap<>();
		pending
			.forEach((words) -> personal.put(words.id(), new CaseStore.Personal(words.personal(), words.language())));
		this.store.attachPersonal(personal);
		this.mongo.remove(Query.query(Criteria.where("_id").in(personal.keySet())), Pending.class);
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
