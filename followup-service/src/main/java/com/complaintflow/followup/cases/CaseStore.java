package com.complaintflow.followup.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes cases: inserts keyed by the deterministic case id, optimistic
 * whole-document saves, the staff filters, and the timer claims with leases.
 */
@Component
public class CaseStore {

	private final MongoTemplate mongo;

	public CaseStore(MongoTemplate mongo) {
		this.mongo = mongo;
		mongo.indexOps(FollowupCase.class).createIndex(new Index("nextFireAt", Sort.Direction.ASC));
		mongo.indexOps(FollowupCase.class).createIndex(new Index("complaintId", Sort.Direction.ASC));
		mongo.indexOps(FollowupCase.class)
			.createIndex(new Index("status", Sort.Direction.ASC).on("queue", Sort.Direction.ASC));
	}

	/** Inserts a new case; false when a case with its id exists already. */
	public boolean insert(FollowupCase followupCase) {
		try {
			this.mongo.insert(followupCase);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public Optional<FollowupCase> findById(String caseId) {
		return Optional.ofNullable(this.mongo.findById(caseId, FollowupCase.class));
	}

	public List<FollowupCase> findByComplaintId(String complaintId) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").is(complaintId)), FollowupCase.class);
	}

	public List<FollowupCase> findByComplaintIds(List<String> complaintIds) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").in(complaintIds)), FollowupCase.class);
	}

	/**
	 * Saves the whole case if nobody changed it since it was read (optimistic locking on
	 * {@code version}). Written as a {@code findAndModify} replacement, which MongoDB and
	 * the wire server both answer from the {@code _id} index.
	 * @throws OptimisticLockingFailureException when somebody did
	 */
	public FollowupCase save(FollowupCase followupCase) {
		Long expected = followupCase.getVersion();
		Query query = Query.query(Criteria.where("_id").is(followupCase.getId()).and("version").is(expected));
		followupCase.setVersion(expected + 1);
		if (this.mongo.findAndReplace(query, followupCase) == null) {
			followupCase.setVersion(expected);
			throw new OptimisticLockingFailureException(
					"Case " + followupCase.getId() + " changed since version " + expected);
		}
		return followupCase;
	}

	/** Cases matching the staff filters, soonest deadline first. */
	public List<FollowupCase> search(CaseFilter filter) {
		Query query = new Query();
		if (filter.status() != null) {
			query.addCriteria(Criteria.where("status").is(filter.status()));
		}
		if (filter.queue() != null) {
			query.addCriteria(Criteria.where("queue").is(filter.queue()));
		}
		if (filter.complaintId() != null) {
			query.addCriteria(Criteria.where("complaintId").is(filter.complaintId()));
		}
		if (filter.dueBefore() != null) {
			query.addCriteria(Criteria.where("milestones")
				.elemMatch(Criteria.where("status").is("OPEN").and("dueAt").lt(filter.dueBefore())));
		}
		return this.mongo.find(query.with(Sort.by("openedAt")).limit(filter.limit()), FollowupCase.class);
	}

	/** Cases whose outbox still holds events written before {@code before}. */
	List<FollowupCase> withPendingEvents(Instant before, int limit) {
		Query query = Query.query(Criteria.where("pendingEvents.0").exists(true).and("updatedAt").lt(before))
			.limit(limit);
		return this.mongo.find(query, FollowupCase.class);
	}

	/** Removes published events from a case's outbox. */
	void removePendingEvents(String caseId, List<String> published) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
				new Update().pullAll("pendingEvents", published.toArray()), FollowupCase.class);
	}

	/**
	 * Ids of cases with a reminder due by {@code horizon} and no live lease, soonest
	 * first.
	 */
	public List<String> dueCaseIds(Instant horizon, Instant now, int limit) {
		Query query = Query.query(Criteria.where("nextFireAt").lte(horizon).and("leaseUntil").lt(now))
			.with(Sort.by("nextFireAt"))
			.limit(limit);
		query.fields().include("_id");
		return this.mongo.find(query, FollowupCase.class).stream().map(FollowupCase::getId).toList();
	}

	/**
	 * Claims one case for firing its reminders, atomically: only if its lease has
	 * expired. The version is bumped so a concurrent save of a stale copy fails.
	 * @return the claimed case, or empty when another instance holds it
	 */
	public Optional<FollowupCase> claim(String caseId, String owner, Instant now, Instant leaseUntil) {
		Query query = Query.query(Criteria.where("_id").is(caseId).and("leaseUntil").lt(now));
		Update update = new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil).inc("version", 1);
		return Optional.ofNullable(this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().returnNew(true), FollowupCase.class));
	}

	/** Gives a claimed case back without changing it. */
	public void release(String caseId, String owner) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and("leaseOwner").is(owner)),
				new Update().set("leaseOwner", null).set("leaseUntil", Instant.EPOCH).inc("version", 1),
				FollowupCase.class);
	}

}
