package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.complaintflow.events.ComplaintReceived;
import com.complaintflow.events.MilestoneKind;
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
 * that the stage only moves to the stage of a later event, and each deadline only to the
 * deadline, and whether each promise is met, only as an event not older than the one that
 * last set it says ({@code deadlineAt}, {@code metAt}), so a redelivered or late event
 * never moves any of them back. A read (the stage before a pause) first writes what is
 * queued.
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
	 * Applies the facts of an event that promises nothing.
	 * @param complaintId the complaint
	 * @param facts fields to set, may be empty
	 * @param stage the stage the event moves to, or null
	 * @param at when the event happened
	 * @see #apply(String, Update, Map, Stage, Instant)
	 */
	void apply(String complaintId, Update facts, Stage stage, Instant at) {
		apply(complaintId, facts, Map.of(), stage, at);
	}

	/**
	 * Applies the facts of an event (always, idempotently), then each of its deadlines
	 * unless a newer event set that kind, then its stage when the complaint is still
	 * ACCEPTED or the event is newer than the one that set the current stage.
	 * @param complaintId the complaint
	 * @param facts fields to set, may be empty
	 * @param deadlines the deadlines the event promises by kind (a null value withdraws
	 * the promise)
	 * @param stage the stage the event moves to, or null
	 * @param at when the event happened
	 */
	void apply(String complaintId, Update facts, Map<MilestoneKind, Instant> deadlines, Stage stage, Instant at) {
		facts.setOnInsert("stage", (stage != null) ? stage.name() : Stage.ACCEPTED.name())
			.setOnInsert("stageAt", Date.from(at));
		this.queued.add((bulk) -> bulk.upsert(byId(complaintId), facts));
		deadlines.forEach((kind, dueAt) -> deadline(complaintId, kind, dueAt, at));
		if (stage != null) {
			Query newer = Query.query(Criteria.where("_id")
				.is(complaintId)
				.orOperator(Criteria.where("stage").is(Stage.ACCEPTED.name()),
						Criteria.where("stageAt").lte(Date.from(at))));
			Update moved = new Update().set("stage", stage.name()).set("stageAt", Date.from(at));
			this.queued.add((bulk) -> bulk.updateOne(newer, moved));
		}
	}

	/**
	 * Sets (or, for a null due time, removes) one deadline and when the event that set it
	 * happened, unless a newer event set that kind: a triage decision resent after a
	 * pause moved the promised answer must not bring the old time back.
	 */
	private void deadline(String complaintId, MilestoneKind kind, Instant dueAt, Instant at) {
		String setAt = "deadlineAt." + kind.name();
		Update update = new Update().set(setAt, Date.from(at));
		if (dueAt != null) {
			update.set("deadlines." + kind.name(), Date.from(dueAt));
		}
		else {
			update.unset("deadlines." + kind.name());
		}
		this.queued.add((bulk) -> bulk.updateOne(notOlder(complaintId, setAt, at), update));
	}

	/**
	 * Marks promises met, or no longer met, unless a newer event changed that kind: a
	 * resolution redelivered after the callback reopened the case must not hide the
	 * experts' deadline. Queue it after the event's {@link #apply}, which creates the
	 * document.
	 * @param complaintId the complaint
	 * @param kinds the kinds of promise
	 * @param met true to mark them met, false to mark them open again
	 * @param at when the event happened
	 */
	void met(String complaintId, List<MilestoneKind> kinds, boolean met, Instant at) {
		for (MilestoneKind kind : kinds) {
			String setAt = "metAt." + kind.name();
			Update update = new Update().set(setAt, Date.from(at));
			if (met) {
				update.addToSet("met", kind.name());
			}
			else {
				update.pull("met", kind.name());
			}
			this.queued.add((bulk) -> bulk.updateOne(notOlder(complaintId, setAt, at), update));
		}
	}

	/**
	 * The complaint, unless the event that last set the field happened after this one.
	 */
	private static Query notOlder(String complaintId, String setAt, Instant at) {
		return Query.query(Criteria.where("_id")
			.is(complaintId)
			.orOperator(Criteria.where(setAt).exists(false), Criteria.where(setAt).lte(Date.from(at))));
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
