package com.complaintflow.intake.status;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.complaintflow.events.Channel;
import com.complaintflow.events.ComplaintReceived;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the status view. Every write is an idempotent upsert; any downstream
 * event moves a complaint out of ACCEPTED, after that the stage only moves to the stage
 * of a later event, so a redelivered or late event never moves it back.
 */
@Component
public class StatusProjection {

	private final MongoTemplate mongo;

	StatusProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Records that Kafka acknowledged a complaint: it is now accepted and in triage.
	 * @param event the acknowledged event
	 */
	public void accepted(ComplaintReceived event) {
		Update update = new Update().set("channel", event.channel().name())
			.set("customerId", event.customerId())
			.set("language", event.language().name())
			.setOnInsert("stage", Stage.ACCEPTED.name())
			.setOnInsert("stageAt", Date.from(event.occurredAt()));
		this.mongo.upsert(byId(event.complaintId()), update, ComplaintStatus.COLLECTION);
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
		this.mongo.upsert(byId(complaintId), facts, ComplaintStatus.COLLECTION);
		if (stage != null) {
			Query newer = Query.query(Criteria.where("_id")
				.is(complaintId)
				.orOperator(Criteria.where("stage").is(Stage.ACCEPTED.name()),
						Criteria.where("stageAt").lte(Date.from(at))));
			this.mongo.updateFirst(newer, new Update().set("stage", stage.name()).set("stageAt", Date.from(at)),
					ComplaintStatus.COLLECTION);
		}
	}

	/** The stage a complaint is at now, if it is known. */
	Optional<Stage> current(String complaintId) {
		return Optional.ofNullable(this.mongo.findOne(byId(complaintId), Document.class, ComplaintStatus.COLLECTION))
			.map((document) -> Stage.valueOf(document.getString("stage")));
	}

	/** The stage a complaint returns to when the customer answers, if it paused. */
	Optional<Stage> resumeStage(String complaintId) {
		return Optional.ofNullable(this.mongo.findOne(byId(complaintId), Document.class, ComplaintStatus.COLLECTION))
			.map((document) -> document.getString("resumeStage"))
			.map(Stage::valueOf);
	}

	/** The status of a complaint, when it was submitted by this channel. */
	Optional<ComplaintStatus> find(String complaintId, Channel channel) {
		Query query = Query.query(Criteria.where("_id").is(complaintId).and("channel").is(channel.name()));
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, ComplaintStatus.COLLECTION))
			.map(ComplaintStatus::fromDocument);
	}

	private static Query byId(String complaintId) {
		return Query.query(Criteria.where("_id").is(complaintId));
	}

}
