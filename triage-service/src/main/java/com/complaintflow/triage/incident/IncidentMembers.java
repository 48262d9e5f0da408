package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.List;

import com.complaintflow.support.mongo.StartupIndexes;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Incidents and their members: opening an incident with its first members, and joining
 * one complaint to it, both safe to repeat. Members live in {@code incident_members} (one
 * document each, by {@code _id}); the incident document keeps an exact count and at most
 * {@link #MAX_LISTED} first and recent members.
 */
@Component
class IncidentMembers {

	/** The most member ids an incident document lists, first and recent each. */
	static final int MAX_LISTED = 1_000;

	private final MongoTemplate mongo;

	private final int maxListed;

	@Autowired
	IncidentMembers(MongoTemplate mongo) {
		this(mongo, MAX_LISTED);
	}

	IncidentMembers(MongoTemplate mongo, int maxListed) {
		this.mongo = mongo;
		this.maxListed = maxListed;
		StartupIndexes.ensure(mongo, mongo.getCollectionName(Incident.class),
				new Index().on("regionCode", Sort.Direction.ASC).on("lastSeenAt", Sort.Direction.DESC));
		StartupIndexes.ensure(mongo, mongo.getCollectionName(IncidentMember.class),
				new Index().on("incidentId", Sort.Direction.ASC).on("joinedAt", Sort.Direction.ASC));
	}

	/** Whether the complaint is a member of the incident (a lookup by {@code _id}). */
	boolean isMember(String incidentId, String complaintId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(IncidentMember.id(incidentId, complaintId))),
				IncidentMember.class);
	}

	/**
	 * Opens an incident with its first members: their membership documents first (so a
	 * crash in between leaves nothing to repair), then the incident.
	 * @throws DuplicateKeyException when the incident exists already (another instance
	 * opened it)
	 */
	Incident open(Incident incident, List<Instant> joinedAt) {
		for (int i = 0; i < incident.members().size(); i++) {
			remember(incident.id(), incident.members().get(i), joinedAt.get(i), 1);
		}
		Incident bounded = new Incident(incident.id(), incident.regionCode(), incident.category(),
				first(incident.members()), last(incident.members()), incident.memberCount(), incident.revision(),
				incident.firstSeenAt(), incident.lastSeenAt(), incident.firstComplaintId(), incident.firstCustomerId());
		this.mongo.insert(bounded);
		return bounded;
	}

	/**
	 * Joins a complaint to an incident: one atomic update of the incident (count and
	 * revision up, the id added to the bounded lists), only if the complaint is not among
	 * its recent joiners, then the membership document. A join repeated after a crash in
	 * between counts once (the recent list holds it) and writes the missing membership.
	 * @return the incident after the join, or as it is when the complaint was a member
	 */
	Incident join(String incidentId, String complaintId, Instant at) {
		if (isMember(incidentId, complaintId)) {
			return this.mongo.findById(incidentId, Incident.class);
		}
		// not among the first or the recent members (an incident stored before members
		// had
		// their own collection lists all of them under members)
		Query notRecent = Query
			.query(Criteria.where("_id").is(incidentId).and("recent").ne(complaintId).and("members").ne(complaintId));
		Update update = new Update().inc("memberCount", 1).inc("revision", 1).max("lastSeenAt", at);
		update.push("members").slice(this.maxListed).each(complaintId);
		update.push("recent").slice(-this.maxListed).each(complaintId);
		Incident updated = this.mongo.findAndModify(notRecent, update, FindAndModifyOptions.options().returnNew(true),
				Incident.class);
		Incident incident = (updated != null) ? updated : this.mongo.findById(incidentId, Incident.class);
		remember(incidentId, complaintId, at, incident.revision());
		return incident;
	}

	private void remember(String incidentId, String complaintId, Instant at, int revision) {
		try {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(IncidentMember.id(incidentId, complaintId))),
					new Update().setOnInsert("incidentId", incidentId)
						.setOnInsert("complaintId", complaintId)
						.setOnInsert("joinedAt", at)
						.setOnInsert("revision", revision),
					IncidentMember.class);
		}
		catch (DuplicateKeyException ex) {
			// a concurrent upsert of the same membership inserted it first
		}
	}

	private List<String> first(List<String> members) {
		return (members.size() > this.maxListed) ? List.copyOf(members.subList(0, this.maxListed)) : members;
	}

	private List<String> last(List<String> members) {
		return (members.size() > this.maxListed)
				? List.copyOf(members.subList(members.size() - this.maxListed, members.size())) : members;
	}

}
