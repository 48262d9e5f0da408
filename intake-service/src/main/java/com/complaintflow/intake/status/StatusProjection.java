package com.complaintflow.intake.status;

import java.util.Optional;

import com.complaintflow.events.Channel;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The status view: written a poll at a time by {@link StatusListener} through
 * {@link StatusWrites}, read by the channels.
 */
@Component
class StatusProjection {

	private final MongoTemplate mongo;

	StatusProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The writes of one poll. */
	StatusWrites begin() {
		return new StatusWrites(this.mongo);
	}

	/** The status of a complaint, when it was submitted by this channel. */
	Optional<ComplaintStatus> find(String complaintId, Channel channel) {
		Query query = Query.query(Criteria.where("_id").is(complaintId).and("channel").is(channel.name()));
		return Optional.ofNullable(this.mongo.findOne(query, Document.class, ComplaintStatus.COLLECTION))
			.map(ComplaintStatus::fromDocument);
	}

}
