package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.complaintflow.events.ComplaintReceived;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The status view's writes of one poll, queued in the records' order and written in one
 * ordered bulk write, so the result is the same as writing them one by one. Every write
 * is an idempotent upsert; any downstream event moves a complaint out of ACCEPTED, after
 * that the stage only moves to the stage of a later event, so a redelivered or late event
 * never moves it back. A read (the stage before a pause) first writes what is queued.
 */
class StatusWrites {

	private final MongoTemplate mongo;

	private final List<Consumer<BulkOperations>> queued = new ArrayList<>();

	StatusWrites(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Records that Kafka holds a complaint: it is accepted and in triage. */
	void accepted(ComplaintReceived event) {
		Update update = new Update().set("channel", event.channel().name())
			.set("customerId", event.customerId())
			.set("language", event.language().name())
			.setOnInsert("stage", Stage.ACCEPTED.name())
			.setOnInsert("stageAt", Date.from(event.occurredAt()));
		this.queued.add((bulk) -> bulk.upsert(byId(event.complaintId()), update));
	}

	/**
	 * Applies the facts of an event (always, idempotently), then its stage when the
	 * complaint is still ACCEPTED or the event is newer than the one that set the current
	 * stage.
	 * @param complaintId the complaint
	 * @param facts fields to set, may be empty
	 * @param stage the stage the event moves to, or null
	 * @param at when the event happened
	 */
	void apply(String complaintId, Update facts, Stage stage, Instant at) {
		facts.setOnInsert("stage", (stage != null) ? stage.name() : Stage.ACCEPTED.name())
			.setOnInsert("stageAt", Date.from(at));
		this.queued.add((bulk) -> bulk.upsert(byId(complaintId), facts));
		if (stage != null) {
			Query newer = Query.query(Criteria.where("_id")
				.is(complaintId)
				.orOperator(Criteria.where("stage").is(Stage.ACCEPTED.name()),
						Criteria.where("stageAt").lte(Date.from(at))));
			Update moved = new Update().set("stage", stage.name()).set("stageAt", Date.from(at));
			this.queued.add((bulk) -> bulk.updateOne(newer, moved));
		}
	}

	/** The stage a complaint is at now, if it is known. */
	Optional<Stage> current(String complaintId) {
		return read(complaintId).map((document) -> Stage.valueOf(document.getString("stage")));
	}

	/** The stage a complaint returns to when the customer answers, if it paused. */
	Optional<Stage> resumeStage(String complaintId) {
		return read(complaintId).map((document) -> document.getString("resumeStage")).map(Stage::valueOf);
	}

	/** Writes what is queued, in order, in one bulk write. */
	void write() {
		if (this.queued.isEmpty()) {
			return;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkMode.ORDERED, ComplaintStatus.COLLECTION);
		this.queued.forEach((operation) -> operation.accept(bulk));
		bulk.execute();
		this.queued.clear();
	}

	private Optional<Document> read(String complaintId) {
		write();
		return Optional.ofNullable(this.mongo.findOne(byId(complaintId), Document.class, ComplaintStatus.COLLECTION));
	}

	private static Query byId(String complaintId) {
		return Query.query(Criteria.where("_id").is(complaintId));
	}

}
