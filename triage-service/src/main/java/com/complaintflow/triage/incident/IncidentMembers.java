package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.complaintflow.support.mongo.StartupIndexes;
import com.complaintflow.support.mongo.UnorderedBulk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Incidents and their members: opening an incident with its first members, and joining a
 * poll's complaints to it, both safe to repeat (membership documents in one bulk write
 * each time). Members live in {@code incident_members} (one document each, by
 * {@code _id}); the incident document keeps an exact count and at most
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
		List<IncidentMember> members = new ArrayList<>(incident.members().size());
		for (int i = 0; i < incident.members().size(); i++) {
			String complaintId = incident.members().get(i);
			members.add(new IncidentMember(IncidentMember.id(incident.id(), complaintId), incident.id(), complaintId,
					joinedAt.get(i), 1));
		}
		remember(members);
		Incident bounded = new Incident(incident.id(), incident.regionCode(), incident.category(),
				first(incident.members()), last(incident.members()), incident.memberCount(), incident.revision(),
				incident.firstSeenAt(), incident.lastSeenAt(), incident.firstComplaintId(), incident.firstCustomerId());
		this.mongo.insert(bounded);
		return bounded;
	}

	/** Joins one complaint to an incident ({@link #joinAll} of one). */
	Incident join(String incidentId, String complaintId, Instant at) {
		return joinAll(incidentId, List.of(complaintId), at);
	}

	/**
	 * Joins a poll's complaints to an incident: those without a membership (one read by
	 * {@code _id}) join in one atomic update of the incident (count up by their number,
	 * revision up by one, ids added to the bounded lists), only if none of them is among
	 * its first or recent members; then their membership documents. A join repeated after
	 * a crash in between counts once (the recent list holds the complaint; the complaints
	 * then join one by one) and writes the missing memberships.
	 * @return the incident after the join, or as it is when every complaint was a member
	 */
	Incident joinAll(String incidentId, List<String> complaintIds, Instant at) {
		Set<String> known = new HashSet<>();
		this.mongo.find(Query.query(Criteria.where("_id")
			.in(complaintIds.stream().map((complaintId) -> IncidentMember.id(incidentId, complaintId)).toList())),
				IncidentMember.class)
			.forEach((member) -> known.add(member.complaintId()));
		List<String> fresh = complaintIds.stream().filter((complaintId) -> !known.contains(complaintId)).toList();
		if (fresh.isEmpty()) {
			return this.mongo.findById(incidentId, Incident.class);
		}
		Incident updated = update(incidentId, fresh, at);
		if (updated == null && fresh.size() > 1) {
			// one of them was counted before a crash: one by one, so the others count
			for (String complaintId : fresh) {
				Incident one = update(incidentId, List.of(complaintId), at);
				updated = (one != null) ? one : updated;
			}
		}
		Incident incident = (updated != null) ? updated : this.mongo.findById(incidentId, Incident.class);
		remember(fresh.stream()
			.map((complaintId) -> new IncidentMember(IncidentMember.id(incidentId, complaintId), incidentId,
					complaintId, at, incident.revision()))
			.toList());
		return incident;
	}

	private Incident update(String incidentId, List<String> complaintIds, Instant at) {
		// none among the first or the recent members (an incident stored before members
		// had
		// their own collection lists all of them under members)
		Query noneListed = Query.query(
				Criteria.where("_id").is(incidentId).and("recent").nin(complaintIds).and("members").nin(complaintIds));
		Update update = new Update().inc("memberCount", complaintIds.size()).inc("revision", 1).max("lastSeenAt", at);
		update.push("members").slice(this.maxListed).each(complaintIds.toArray());
		update.push("recent").slice(-this.maxListed).each(complaintIds.toArray());
		return this.mongo.findAndModify(noneListed, update, FindAndModifyOptions.options().returnNew(true),
				Incident.class);
	}

	/**
	 * Writes membership documents that do not exist yet, in one bulk write of upserts
	 * (one existing keeps what it says).
	 */
	private void remember(List<IncidentMember> members) {
		UnorderedBulk.write(this.mongo, IncidentMember.class,
				members.stream()
					.<Consumer<BulkOperations>>map(
							(member) -> (bulk) -> bulk.upsert(Query.query(Criteria.where("_id").is(member.id())),
									new Update().setOnInsert("incidentId", member.incidentId())
										.setOnInsert("complaintId", member.complaintId())
										.setOnInsert("joinedAt", member.joinedAt())
										.setOnInsert("revision", member.revision())))
					.toList());
	}

	private List<String> first(List<String> members) {
		return (members.size() > this.maxListed) ? List.copyOf(members.subList(0, this.maxListed)) : members;
	}

	private List<String> last(List<String> members) {
		return (members.size() > this.maxListed)
				? List.copyOf(members.subList(members.size() - this.maxListed, members.size())) : members;
	}

}
