package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.complaintflow.events.ComplaintTriaged;
import com.complaintflow.events.Language;
import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.mongo.StartupIndexes;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The decisions of a time range that triage was least sure of on one field and no staff
 * member has corrected or confirmed yet: where its decisions are most often wrong (on the
 * labelled corpus two to three times as often as a random decision), so a supervisor's
 * check finds the most errors.
 */
@Component
class LeastSureDecisions {

	/** Decisions read per batch (and looked up among the checked ones at once). */
	private static final int BATCH = 200;

	/**
	 * Decisions read at most: a range whose least sure decisions are all checked ends.
	 */
	private static final int MAX_READ = 4000;

	private final MongoTemplate mongo;

	LeastSureDecisions(MongoTemplate mongo) {
		this.mongo = mongo;
		StartupIndexes.ensure(mongo, mongo.getCollectionName(StoredDecision.class),
				new Index().on("receivedAt", Sort.Direction.ASC));
	}

	/**
	 * The least sure first (equal confidence: the older first), at most {@code limit}.
	 * @param field one of {@link com.complaintflow.events.DecisionCorrected#FIELDS}
	 * @param language only texts of this language, or null for all
	 * @param from the range's start (inclusive)
	 * @param to the range's end (exclusive)
	 * @param limit how many
	 */
	List<DecisionToCheck> find(String field, Language language, Instant from, Instant to, int limit) {
		String confidence = "confidence." + field;
		Criteria criteria = Criteria.where("receivedAt").gte(from).lt(to).and(confidence).exists(true);
		if (language != null) {
			criteria = criteria.and("language").is(language);
		}
		Query leastSureFirst = Query.query(criteria)
			.with(Sort.by(Sort.Order.asc(confidence), Sort.Order.asc("receivedAt"), Sort.Order.asc("_id")))
			.limit(MAX_READ)
			.cursorBatchSize(BATCH);
		List<DecisionToCheck> found = new ArrayList<>();
		try (Stream<StoredDecision> decisions = this.mongo.stream(leastSureFirst, StoredDecision.class)) {
			Iterator<StoredDecision> read = decisions.iterator();
			while (found.size() < limit && read.hasNext()) {
				List<StoredDecision> batch = new ArrayList<>(BATCH);
				while (batch.size() < BATCH && read.hasNext()) {
					batch.add(read.next());
				}
				Set<String> checked = checked(batch, field);
				for (StoredDecision decision : batch) {
					if (found.size() < limit && !checked.contains(decision.complaintId())) {
						found.add(toCheck(decision, field));
					}
				}
			}
		}
		return found;
	}

	/**
	 * The complaints among these whose field a staff member corrected, confirmed or
	 * undid.
	 */
	private Set<String> checked(List<StoredDecision> decisions, String field) {
		List<String> ids = decisions.stream().map(StoredDecision::complaintId).toList();
		Query corrected = Query.query(Criteria.where("complaintId").in(ids).and("field").is(field));
		corrected.fields().include("complaintId");
		Set<String> checked = new HashSet<>();
		for (Document correction : this.mongo.find(corrected, Document.class,
				this.mongo.getCollectionName(Correction.class))) {
			checked.add(correction.getString("complaintId"));
		}
		return checked;
	}

	private static DecisionToCheck toCheck(StoredDecision stored, String field) {
		ComplaintTriaged decision = EventJson.mapper().readValue(stored.eventJson(), ComplaintTriaged.class);
		return new DecisionToCheck(stored.complaintId(), stored.receivedAt(), stored.language(), field,
				CorrectionController.valueOf(decision, field), stored.decidedBy(field), stored.confidence().get(field),
				decision.playbook(), stored.text(), decision.explanation().signals());
	}

}
