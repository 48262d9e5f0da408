package com.complaintflow.intake.submission;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.complaintflow.support.mongo.StartupIndexes;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The idempotency records in MongoDB: the unique {@code _id} (channel and key) decides
 * which of several concurrent requests publishes; state moves PENDING to SENT (or FAILED)
 * with single-document atomic updates, no transactions.
 */
@Component
class IdempotencyStore {

	static final String COLLECTION = "idempotency_keys";

	private final MongoTemplate mongo;

	IdempotencyStore(MongoTemplate mongo) {
		this.mongo = mongo;
		// Real MongoDB also expires records by itself; the wire server ignores TTL, so
		// the cleanup job deletes expired records too.
		StartupIndexes.ensure(mongo, COLLECTION, new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO),
				new Index().on("state", Sort.Direction.ASC).on("attemptAt", Sort.Direction.ASC));
	}

	/** Inserts a new record; false when the key is already taken. */
	boolean tryInsert(IdempotencyRecord record) {
		try {
			this.mongo.insert(record.toDocument(), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	Optional<IdempotencyRecord> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION))
			.map(IdempotencyRecord::fromDocument);
	}

	/**
	 * Takes over a record nobody is publishing: FAILED, or PENDING with its last attempt
	 * before {@code staleBefore}; its key is kept until {@code expiresAt} from now on (a
	 * complaint accepted late in its key's life is still recognised on a retry after a
	 * lost answer).
	 * @return the claimed record, empty when it is SENT or someone else is publishing
	 */
	Optional<IdempotencyRecord> claim(String id, Instant staleBefore, Instant now, Instant expiresAt) {
		Query query = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("state").is(IdempotencyRecord.State.FAILED.name()),
					Criteria.where("state")
						.is(IdempotencyRecord.State.PENDING.name())
						.and("attemptAt")
						.lt(Date.from(staleBefore))));
		Update update = new Update().set("state", IdempotencyRecord.State.PENDING.name())
			.set("attemptAt", Date.from(now))
			.set("expiresAt", Date.from(expiresAt));
		return Optional
			.ofNullable(this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
					Document.class, COLLECTION))
			.map(IdempotencyRecord::fromDocument);
	}

	/**
	 * Marks many records SENT in one update by {@code _id}, and drops their stored event
	 * (the customer's name, phone and words): Kafka has it, and a retry needs only the
	 * complaint id.
	 */
	void markSent(List<String> ids) {
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
				Update.update("state", IdempotencyRecord.State.SENT.name()).unset("event"), COLLECTION);
	}

	void markFailed(String id) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("state").is(IdempotencyRecord.State.PENDING.name())),
				Update.update("state", IdempotencyRecord.State.FAILED.name()), COLLECTION);
	}

	/** PENDING records whose last attempt started before {@code staleBefore}. */
	List<IdempotencyRecord> stalePending(Instant staleBefore, int limit) {
		Query query = Query
			.query(Criteria.where("state")
				.is(IdempotencyRecord.State.PENDING.name())
				.and("attemptAt")
				.lt(Date.from(staleBefore)))
			.limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION)
			.stream()
			.map(IdempotencyRecord::fromDocument)
			.toList();
	}

	/** Deletes one record if it has expired, so its key can be used afresh. */
	void deleteIfExpired(String id, Instant now) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").lte(Date.from(now))), COLLECTION);
	}

	/** Deletes every expired record; the number deleted. */
	long deleteExpired(Instant now) {
		return this.mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(now))), COLLECTION)
			.getDeletedCount();
	}

}
