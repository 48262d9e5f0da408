package com.complaintflow.triage.decision;

import java.util.Objects;
import java.util.Optional;

import com.complaintflow.events.ComplaintEvent;
import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.EventMetadata;
import com.complaintflow.events.Explanation;
import com.complaintflow.support.kafka.EventPublisher;
import com.complaintflow.support.mongo.StartupIndexes;
import com.complaintflow.support.web.IdempotencyKeys;
import com.complaintflow.support.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Records a staff correction once and publishes it, however often its request is retried:
 * the correction's id is derived from the staff member's {@code Idempotency-Key}, or from
 * what the correction is, so a retry finds the stored correction and publishes the same
 * event (same event id) again.
 */
@Component
class CorrectionRecorder {

	/**
	 * Each complaint's field, its newest correction first: the first is the one in force
	 * (the order of an index).
	 */
	static final Sort NEWEST_FIRST_BY_FIELD = Sort.by(Sort.Order.asc("complaintId"), Sort.Order.asc("field"),
			Sort.Order.desc("correctedAt"), Sort.Order.desc("_id"));

	private final MongoTemplate mongo;

	private final EventPublisher publisher;

	private final DecisionChecks checks;

	CorrectionRecorder(MongoTemplate mongo, EventPublisher publisher, DecisionChecks checks) {
		this.mongo = mongo;
		this.publisher = publisher;
		this.checks = checks;
		// the correction in force of a complaint's field: here, for the review list and
		// the export
		StartupIndexes.ensure(mongo, mongo.getCollectionName(Correction.class),
				new Index().on("complaintId", Sort.Direction.ASC)
					.on("field", Sort.Direction.ASC)
					.on("correctedAt", Sort.Direction.DESC)
					.on("_id", Sort.Direction.DESC));
	}

	/**
	 * The id of a correction: from the staff member's key when one was sent; else the id
	 * of the correction in force for the field when it has the same value (a retry, or
	 * the same correction again: nothing new), else from the complaint, field and value
	 * the staff member corrected and the correction it supersedes (so A, then B, then A
	 * again records the third).
	 * @param key the {@code Idempotency-Key}, or null
	 * @param correctedBy the staff login
	 * @param complaintId the complaint
	 * @param body the request
	 * @param inForce the latest correction of the complaint's field, or null
	 * @return the correction's id (also its document id)
	 */
	static String id(String key, String correctedBy, String complaintId, CorrectionRequest body, Correction inForce) {
		if (key != null) {
			return EventMetadata.deterministicEventId("correction-key", correctedBy, key).toString();
		}
		if (inForce == null) {
			return EventMetadata
				.deterministicEventId("correction", correctedBy, complaintId, body.field(), body.value())
				.toString();
		}
		if (inForce.value().equals(body.value())) {
			return inForce.correctionId();
		}
		return EventMetadata
			.deterministicEventId("correction", correctedBy, complaintId, body.field(), body.value(),
					inForce.correctionId())
			.toString();
	}

	/** The latest correction of a complaint's field: the value in force. */
	Optional<Correction> inForce(String complaintId, String field) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("complaintId").is(complaintId).and("field").is(field))
					.with(NEWEST_FIRST_BY_FIELD)
					.limit(1), Correction.class));
	}

	/**
	 * Stores the correction unless one with its id is stored already, counts it when it
	 * is new ({@link DecisionChecks}: before the publish, so a correction whose publish
	 * fails is counted once, and its retries, replays, not again), then publishes the
	 * stored one and waits for the broker.
	 * @param correction the correction, its id from {@link #id}
	 * @param keyed whether its id comes from an {@code Idempotency-Key}: a correction
	 * stored under the key must then be the same request (complaint, field, value, note)
	 * @param checked the explanation of the decision it corrects or confirms
	 * @return the stored correction, and whether it had been stored by an earlier request
	 * @throws ProblemException 422 when the key was used for another correction
	 * @throws com.complaintflow.support.kafka.PublishFailedException when the broker did
	 * not acknowledge: the correction is stored, and its retry publishes it
	 */
	Recorded record(Correction correction, boolean keyed, Explanation checked) {
		Correction stored = correction;
		boolean replayed = false;
		try {
			this.mongo.insert(correction);
			this.checks.counted(correction, checked);
		}
		catch (DuplicateKeyException ex) {
			stored = stored(correction, keyed);
			replayed = true;
		}
		publish(stored);
		return new Recorded(stored, replayed);
	}

	private Correction stored(Correction request, boolean keyed) {
		Correction stored = this.mongo.findById(request.correctionId(), Correction.class);
		if (stored == null) {
			throw new ProblemException(HttpStatus.NOT_FOUND, "Decision not found",
					"The decision of complaint '" + request.complaintId() + "' was erased");
		}
		if (keyed && !sameRequest(stored, request)) {
			throw IdempotencyKeys.reused();
		}
		return stored;
	}

	private void publish(Correction correction) {
		this.publisher.publishAndWait(new DecisionCorrected(
				EventMetadata.deterministicEventId("decision-corrected", correction.correctionId()), "triage",
				correction.correctedAt(), correction.complaintId(), correction.customerId(),
				ComplaintEvent.CURRENT_SCHEMA_VERSION, correction.correctionId(), correction.field(),
				correction.previousValue(), correction.value(), correction.decidedBy(), correction.playbook(),
				correction.role(), correction.suggestedValue()));
	}

	private static boolean sameRequest(Correction stored, Correction request) {
		return stored.complaintId().equals(request.complaintId()) && stored.field().equals(request.field())
				&& stored.value().equals(request.value()) && Objects.equals(stored.note(), request.note());
	}

	/**
	 * A recorded correction.
	 *
	 * @param correction the stored correction
	 * @param replayed whether an earlier request had stored it
	 */
	record Recorded(Correction correction, boolean replayed) {

	}

}
