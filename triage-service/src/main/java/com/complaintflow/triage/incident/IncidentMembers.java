package com.complaintflow.triage.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * poll's complaints to their incidents, both safe to repeat. Every member is a document
 * of {@code incident_members} (by {@code _id}); the incident document keeps the exact
 * count and only the complaints of joins in flight, and the first {@link #MAX_LISTED}
 * members are in {@code incident_first_members}, so no document grows with the outage.
 */
@Component
class IncidentMembers {

	/** The most member ids an incident's events list (its first members). */
	static final int MAX_LISTED = 1_000;

	/** The full (no longer changing) first-member lists kept in memory, at most. */
	private static final int CACHED_LISTS = 64;

	private final MongoTemplate mongo;

	private final int maxListed;

	private final Map<String, List<String>> fullLists = Collections
		.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
				return size() > CACHED_LISTS;
			}
		});

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
	 * Opens an incident with its first members: the incident first, with its members
	 * counted and in {@code joining} (inserting it is the claim: an instance that opens
	 * the same incident from another window of signals fails here and writes nothing),
	 * then their membership documents, its list of first members, and last their ids
	 * leave {@code joining}. A crash in between is repaired by the next join of the
	 * incident ({@link #joinAll}), which the crashed poll's complaint makes when it is
	 * redelivered.
	 * @param incident the incident, with the count of {@code members}
	 * @param members its members, in joining order
	 * @param joinedAt when each member was received
	 * @return the incident, its members written
	 * @throws DuplicateKeyException when the incident exists already (another instance
	 * opened it)
	 */
	Incident open(Incident incident, List<String> members, List<Instant> joinedAt) {
		this.mongo.insert(incident.withJoining(members));
		List<IncidentMember> memberships = new ArrayList<>(members.size());
		for (int i = 0; i < members.size(); i++) {
			memberships.add(new IncidentMember(IncidentMember.id(incident.id(), members.get(i)), incident.id(),
					members.get(i), joinedAt.get(i), 1));
		}
		remember(memberships);
		List<String> first = first(members);
		UnorderedBulk.write(this.mongo, FirstMembers.class, List.of((bulk) -> bulk
			.upsert(Query.query(Criteria.where("_id").is(incident.id())), new Update().setOnInsert("members", first))));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(incident.id())),
				new Update().pullAll("joining", members.toArray()), Incident.class);
		return incident.withJoining(List.of());
	}

	/**
	 * Joins complaints to an incident at once ({@link #joinAll} of one incident).
	 * @param at the latest time of the complaints
	 */
	Incident join(String incidentId, List<String> complaintIds, Instant at) {
		Incident current = this.mongo.findById(incidentId, Incident.class);
		return joinAll(Map.of(incidentId, complaintIds), Map.of(incidentId, at), Map.of(incidentId, current))
			.get(incidentId);
	}

	/**
	 * Joins a poll's complaints to their incidents. Those without a membership (one read
	 * by {@code _id} for all) and not counted already join their incident in one atomic
	 * update each (count up by their number, revision up by one, the ids added to
	 * {@code joining}), only if none of them is in {@code joining}; then their membership
	 * documents (one bulk write), the first members while the list has room (one bulk
	 * write), and last their ids leave {@code joining} (one bulk write). A join repeated
	 * after a crash in between counts once (the complaint is still in {@code joining})
	 * and writes what is missing. Every complaint an incident has in {@code joining} is
	 * settled so, candidate or not: an opening a crash interrupted leaves its first
	 * members there, and writing a membership twice writes it once.
	 * @param candidates the complaints to join, by incident
	 * @param lastSeen the latest time of each incident's candidates
	 * @param current the incidents as read
	 * @return every incident after its join (as read when nothing was counted)
	 */
	Map<String, Incident> joinAll(Map<String, List<String>> candidates, Map<String, Instant> lastSeen,
			Map<String, Incident> current) {
		Set<String> known = memberships(candidates);
		List<IncidentMember> memberships = new ArrayList<>();
		List<Consumer<BulkOperations>> listings = new ArrayList<>();
		List<Consumer<BulkOperations>> settlings = new ArrayList<>();
		Map<String, Incident> joined = new LinkedHashMap<>();
		candidates.forEach((incidentId, complaintIds) -> {
			Incident incident = current.get(incidentId);
			List<String> settle = new ArrayList<>(incident.joiningOrNone());
			List<String> fresh = complaintIds.stream()
				.filter((id) -> !incident.isJoining(id) && !known.contains(IncidentMember.id(incidentId, id)))
				.toList();
			List<String> counted = new ArrayList<>();
			Incident after = count(incidentId, fresh, lastSeen.get(incidentId), counted, settle);
			after = (after != null) ? after : incident;
			joined.put(incidentId, after);
			List<String> done = new ArrayList<>(counted);
			done.addAll(settle);
			if (done.isEmpty()) {
				return;
			}
			for (String complaintId : done) {
				memberships.add(new IncidentMember(IncidentMember.id(incidentId, complaintId), incidentId, complaintId,
						lastSeen.get(incidentId), after.revision()));
			}
			if (after.members() == null && after.memberCount() - counted.size() < this.maxListed) {
				listings.add((bulk) -> bulk.upsert(Query.query(Criteria.where("_id").is(incidentId)),
						new Update().addToSet("members").each(done.toArray())));
			}
			settlings.add((bulk) -> bulk.updateOne(Query.query(Criteria.where("_id").is(incidentId)),
					new Update().pullAll("joining", done.toArray())));
		});
		remember(memberships);
		UnorderedBulk.write(this.mongo, FirstMembers.class, listings);
		UnorderedBulk.write(this.mongo, Incident.class, settlings);
		return joined;
	}

	/**
	 * Counts complaints into an incident, together or, when one of them is counted
	 * already (in {@code joining}), one by one.
	 * @param counted receives the complaints counted now
	 * @param settle receives the complaints found counted already
	 * @return the incident after the last update, or null when none was made
	 */
	Incident count(String incidentId, List<String> complaintIds, Instant at, List<String> counted,
			List<String> settle) {
		if (complaintIds.isEmpty()) {
			return null;
		}
		Incident after = update(incidentId, complaintIds, at);
		if (after != null) {
			counted.addAll(complaintIds);
			return after;
		}
		if (complaintIds.size() == 1) {
			settle.addAll(complaintIds);
			return null;
		}
		for (String complaintId : complaintIds) {
			Incident one = count(incidentId, List.of(complaintId), at, counted, settle);
			after = (one != null) ? one : after;
		}
		return after;
	}

	/**
	 * The first members each incident's events list: an older document's own list, a full
	 * list kept in memory, or one read of {@code incident_first_members} for the rest.
	 */
	Map<String, List<String>> firstMembers(Collection<Incident> incidents) {
		Map<String, List<String>> lists = new LinkedHashMap<>();
		List<String> toRead = new ArrayList<>();
		for (Incident incident : incidents) {
			List<String> cached = this.fullLists.get(incident.id());
			if (incident.members() != null) {
				lists.put(incident.id(), first(incident.members()));
			}
			else if (cached != null) {
				lists.put(incident.id(), cached);
			}
			else {
				toRead.add(incident.id());
			}
		}
		if (!toRead.isEmpty()) {
			for (FirstMembers read : this.mongo.find(Query.query(Criteria.where("_id").in(toRead)),
					FirstMembers.class)) {
				List<String> first = first(read.members());
				lists.put(read.incidentId(), first);
				if (first.size() >= this.maxListed) {
					this.fullLists.put(read.incidentId(), first);
				}
			}
		}
		return lists;
	}

	private Incident update(String incidentId, List<String> complaintIds, Instant at) {
		// none counted already: neither in a join in flight nor (in a document stored
		// before members had their own collection) among its first or recent members
		Query noneCounted = Query.query(Criteria.where("_id")
			.is(incidentId)
			.and("joining")
			.nin(complaintIds)
			.and("recent")
			.nin(complaintIds)
			.and("members")
			.nin(complaintIds));
		Update update = new Update().inc("memberCount", complaintIds.size()).inc("revision", 1).max("lastSeenAt", at);
		update.push("joining").each(complaintIds.toArray());
		return this.mongo.findAndModify(noneCounted, update, FindAndModifyOptions.options().returnNew(true),
				Incident.class);
	}

	/** The ids of the membership documents of the candidates that exist. */
	private Set<String> memberships(Map<String, List<String>> candidates) {
		List<String> ids = new ArrayList<>();
		candidates.forEach((incidentId, complaintIds) -> complaintIds
			.forEach((complaintId) -> ids.add(IncidentMember.id(incidentId, complaintId))));
		Set<String> known = new HashSet<>();
		if (!ids.isEmpty()) {
			this.mongo.find(Query.query(Criteria.where("_id").in(ids)), IncidentMember.class)
				.forEach((member) -> known.add(member.id()));
		}
		return known;
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

}
