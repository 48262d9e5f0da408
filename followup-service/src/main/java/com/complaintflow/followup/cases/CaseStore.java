package com.complaintflow.followup.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.complaintflow.events.Language;
import com.complaintflow.followup.timer.TimerIndex;
import com.complaintflow.support.mongo.StartupIndexes;
import com.complaintflow.support.mongo.UnorderedBulk;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Field;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes cases: inserts keyed by the deterministic case id, optimistic
 * whole-document saves, the staff filters, and the timer claims with leases. Every write
 * first indexes the case's next timer ({@link TimerIndex}) and its unpublished events
 * ({@link OutboxIndex}), so no periodic job has to scan the cases.
 */
@Component
public class CaseStore {

	private final MongoTemplate mongo;

	private final TimerIndex timers;

	private final OutboxIndex outboxes;

	public CaseStore(MongoTemplate mongo, TimerIndex timers) {
		this.mongo = mongo;
		this.timers = timers;
		this.outboxes = new OutboxIndex(mongo);
		StartupIndexes.ensure(mongo, mongo.getCollectionName(FollowupCase.class),
				new Index("complaintId", Sort.Direction.ASC),
				new Index("status", Sort.Direction.ASC).on("queue", Sort.Direction.ASC),
				// one index per filter of the case search, each with the queue order
				new Index("customerId", Sort.Direction.ASC).on("openedAt", Sort.Direction.DESC),
				new Index("regionCode", Sort.Direction.ASC).on("sortDue", Sort.Direction.ASC),
				new Index("category", Sort.Direction.ASC).on("sortDue", Sort.Direction.ASC),
				new Index("status", Sort.Direction.ASC).on("sortDue", Sort.Direction.ASC),
				new Index("queue", Sort.Direction.ASC).on("sortDue", Sort.Direction.ASC),
				new Index("assignee", Sort.Direction.ASC).on("sortDue", Sort.Direction.ASC),
				new Index("personal.searchTerms", Sort.Direction.ASC), new Index("openedAt", Sort.Direction.DESC),
				new Index("updatedAt", Sort.Direction.DESC), new Index("sortDue", Sort.Direction.ASC));
	}

	/** Inserts a new case; false when a case with its id exists already. */
	public boolean insert(FollowupCase followupCase) {
		index(followupCase);
		try {
			this.mongo.insert(followupCase);
			followupCase.written();
			written(followupCase);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Inserts new cases in one unordered bulk write, after indexing their timers and
	 * outboxes (one bulk write each).
	 * @return the ids of the cases that existed already (not written)
	 */
	public Set<String> insertAll(List<FollowupCase> cases) {
		if (cases.isEmpty()) {
			return Set.of();
		}
		cases.stream()
			.filter((followupCase) -> followupCase.getVersion() == null)
			.forEach((followupCase) -> followupCase.setVersion(0L));
		indexAll(cases);
		Set<String> existed = new HashSet<>();
		UnorderedBulk.insertNew(this.mongo, FollowupCase.class, cases)
			.forEach((index) -> existed.add(cases.get(index).getId()));
		Map<String, Instant> timers = new LinkedHashMap<>();
		cases.stream()
			.filter((followupCase) -> followupCase.getNextFireAt() != null && !existed.contains(followupCase.getId()))
			.forEach((followupCase) -> timers.put(followupCase.getId(), followupCase.getNextFireAt()));
		// the outbox entries are not written again (as written does after one write):
		// the poll is retried until its flush succeeds, and flushes the cases it reads
		// back
		this.timers.writtenAll(timers);
		return existed;
	}

	private void indexAll(List<FollowupCase> cases) {
		Map<String, Instant> timers = new LinkedHashMap<>();
		List<String> outboxes = new ArrayList<>();
		for (FollowupCase followupCase : cases) {
			if (followupCase.getNextFireAt() != null) {
				timers.put(followupCase.getId(), followupCase.getNextFireAt());
			}
			if (!followupCase.getPendingEvents().isEmpty()) {
				outboxes.add(followupCase.getId());
			}
		}
		this.timers.addAll(timers);
		this.outboxes.addAll(outboxes);
	}

	/** The cases with these ids, read with one query. */
	public Map<String, FollowupCase> findAll(Collection<String> caseIds) {
		return findAll(caseIds, (fields) -> {
		});
	}

	/**
	 * The cases with these ids, read with one query, without their history, personal data
	 * and outbox (timeline, applied actions, notes, checklist, triage facts, personal
	 * data, pending events, incident members): the state a reader of the case's status,
	 * milestones, remedies and language needs, for a fraction of the bytes and mapping.
	 * Such a copy cannot be saved.
	 */
	public Map<String, FollowupCase> findState(Collection<String> caseIds) {
		return findAll(caseIds, (fields) -> fields.exclude("timeline", "appliedActions", "notes", "checklist", "triage",
				"personal", "pendingEvents", "memberCaseIds"));
	}

	/**
	 * The outboxes of the cases with these ids (pending events, trace, last update), read
	 * with one query; such a copy cannot be saved.
	 */
	Map<String, FollowupCase> findOutboxes(Collection<String> caseIds) {
		return findAll(caseIds, (fields) -> fields.include("pendingEvents", "traceParent", "updatedAt"));
	}

	private Map<String, FollowupCase> findAll(Collection<String> caseIds, Consumer<Field> projection) {
		Map<String, FollowupCase> found = new LinkedHashMap<>();
		if (!caseIds.isEmpty()) {
			Query query = Query.query(Criteria.where("_id").in(caseIds));
			projection.accept(query.fields());
			boolean partial = !query.getFieldsObject().isEmpty();
			this.mongo.find(query, FollowupCase.class).forEach((followupCase) -> {
				if (partial) {
					followupCase.readInPart();
				}
				found.put(followupCase.getId(), followupCase);
			});
		}
		return found;
	}

	public Optional<FollowupCase> findById(String caseId) {
		return Optional.ofNullable(this.mongo.findById(caseId, FollowupCase.class));
	}

	/**
	 * Sets each case's personal data and language if it has none yet, in one bulk write
	 * (conditional updates that bump the version, so a concurrent save of an older copy
	 * fails and retries instead of dropping them); a case that has them is left alone.
	 * @param personal the personal data and language by case id
	 */
	public void attachPersonal(Map<String, Personal> personal) {
		UnorderedBulk.write(this.mongo, FollowupCase.class,
				personal.entrySet()
					.stream()
					.<Consumer<BulkOperations>>map((entry) -> (bulk) -> bulk.updateOne(
							Query.query(Criteria.where("_id").is(entry.getKey()).and("personal").is(null)),
							new Update().set("personal", entry.getValue().personal())
								.set("language", entry.getValue().language())
								.inc("version", 1)))
					.toList());
	}

	/**
	 * A case's personal data and the complaint's language.
	 *
	 * @param personal contact and words
	 * @param language the language
	 */
	public record Personal(CasePersonal personal, Language language) {

		@Override
		public String toString() {
			return "Personal[redacted]";
		}

	}

	/**
	 * Which of the given case ids exist and belong to no incident (one {@code _id}
	 * lookup, no scan).
	 */
	public List<String> idsWithoutIncident(List<String> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return ids(Query.query(Criteria.where("_id").in(caseIds).and("incidentCaseId").is(null)));
	}

	/** Which of the given case ids exist (one {@code _id} lookup, no scan). */
	public List<String> existingIds(List<String> caseIds) {
		return ids(Query.query(Criteria.where("_id").in(caseIds)));
	}

	private List<String> ids(Query query) {
		query.fields().include("_id");
		return this.mongo.find(query, Document.class, this.mongo.getCollectionName(FollowupCase.class))
			.stream()
			.map((doc) -> doc.getString("_id"))
			.toList();
	}

	/**
	 * Saves the whole case if nobody changed it since it was read (optimistic locking on
	 * {@code version}). Written as a replacement conditional on {@code _id} and
	 * {@code version}, which MongoDB and the wire server both answer from the {@code _id}
	 * index; nothing is read back.
	 * @throws OptimisticLockingFailureException when somebody did
	 */
	public FollowupCase save(FollowupCase followupCase) {
		requireWhole(followupCase);
		index(followupCase);
		Long expected = followupCase.getVersion();
		followupCase.setVersion(expected + 1);
		if (this.mongo.replace(current(followupCase.getId(), expected), followupCase).getMatchedCount() == 0) {
			followupCase.setVersion(expected);
			throw conflict(followupCase.getId(), expected);
		}
		followupCase.written();
		written(followupCase);
		return followupCase;
	}

	/**
	 * Writes what firing a case's reminders changes, not the whole case: the milestones,
	 * the timer and queue-order fields, the owner (an escalation rung moves the case),
	 * the lease given back, and the timeline entries recorded since the read
	 * ({@code $push}; the whole timeline only when entries were dropped to keep it
	 * bounded). Conditional on the version read, like {@link #save}, so the entries are
	 * appended to the timeline they were recorded after; the case's personal data, triage
	 * facts, notes, checklist and outbox are not rewritten.
	 * @throws OptimisticLockingFailureException when somebody changed the case since it
	 * was read
	 */
	public FollowupCase saveFired(FollowupCase followupCase) {
		requireWhole(followupCase);
		index(followupCase);
		Long expected = followupCase.getVersion();
		Update update = new Update().set("milestones", followupCase.getMilestones())
			.set("sortDue", followupCase.getSortDue())
			.set("updatedAt", followupCase.getUpdatedAt())
			.set("queue", followupCase.getQueue())
			.set("ownedSince", followupCase.getOwnedSince())
			.set("leaseUntil", followupCase.getLeaseUntil())
			.set("appliedActions", followupCase.getAppliedActions())
			.set("appliedActionsDropped", followupCase.getAppliedActionsDropped())
			.inc("version", 1);
		setOrUnset(update, "nextFireAt", followupCase.getNextFireAt());
		setOrUnset(update, "nextDueAt", followupCase.getNextDueAt());
		setOrUnset(update, "nextDueMilestone", followupCase.getNextDueMilestone());
		setOrUnset(update, "assignee", followupCase.getAssignee());
		setOrUnset(update, "escalatedTo", followupCase.getEscalatedTo());
		setOrUnset(update, "leaseOwner", followupCase.getLeaseOwner());
		if (followupCase.timelineTrimmedSinceWrite()) {
			update.set("timeline", followupCase.getTimeline())
				.set("timelineDropped", followupCase.getTimelineDropped());
		}
		else if (!followupCase.recordedSinceWrite().isEmpty()) {
			update.push("timeline").each(followupCase.recordedSinceWrite().toArray());
		}
		if (this.mongo.updateFirst(current(followupCase.getId(), expected), update, FollowupCase.class)
			.getMatchedCount() == 0) {
			throw conflict(followupCase.getId(), expected);
		}
		followupCase.setVersion(expected + 1);
		followupCase.written();
		written(followupCase);
		return followupCase;
	}

	private static void requireWhole(FollowupCase followupCase) {
		if (followupCase.isPartial()) {
			throw new IllegalStateException("Case " + followupCase.getId() + " was read in part and cannot be saved");
		}
	}

	private static Query current(String caseId, Long version) {
		return Query.query(Criteria.where("_id").is(caseId).and("version").is(version));
	}

	private static OptimisticLockingFailureException conflict(String caseId, Long version) {
		return new OptimisticLockingFailureException("Case " + caseId + " changed since version " + version);
	}

	/** Sets the field, or removes it when null (as a whole-case write leaves it out). */
	private static void setOrUnset(Update update, String field, Object value) {
		if (value != null) {
			update.set(field, value);
		}
		else {
			update.unset(field);
		}
	}

	private void index(FollowupCase followupCase) {
		if (followupCase.getNextFireAt() != null) {
			this.timers.add(followupCase.getId(), followupCase.getNextFireAt());
		}
		if (!followupCase.getPendingEvents().isEmpty()) {
			this.outboxes.add(followupCase.getId());
		}
	}

	private void written(FollowupCase followupCase) {
		if (followupCase.getNextFireAt() != null) {
			this.timers.written(followupCase.getId(), followupCase.getNextFireAt());
		}
		if (!followupCase.getPendingEvents().isEmpty()) {
			// again after the write: a sweep that read the entry and then the case
			// between the two saw no events and removed the entry (the events would
			// have waited for the case's next write); this one it cannot have read
			this.outboxes.add(followupCase.getId());
		}
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

	/**
	 * One page of the case search, plus one case to tell whether another page follows.
	 */
	public List<FollowupCase> search(CaseQuery q) {
		Query query = new Query();
		equal(query, "customerId", q.customerId());
		equal(query, "complaintId", q.complaintId());
		equal(query, "regionCode", q.region());
		equal(query, "category", q.category());
		equal(query, "queue", q.team());
		if (q.unassigned()) {
			query.addCriteria(Criteria.where("assignee").is(null));
		}
		else {
			equal(query, "assignee", q.agent());
		}
		if (!q.statuses().isEmpty()) {
			query.addCriteria(Criteria.where("status").in(q.statuses()));
		}
		if (!q.terms().isEmpty()) {
			query.addCriteria(Criteria.where("personal.searchTerms").all(q.terms()));
		}
		if (q.openedFrom() != null || q.openedTo() != null) {
			Criteria opened = Criteria.where("openedAt");
			opened = (q.openedFrom() != null) ? opened.gte(q.openedFrom()) : opened;
			opened = (q.openedTo() != null) ? opened.lt(q.openedTo()) : opened;
			query.addCriteria(opened);
		}
		if (q.updatedSince() != null) {
			query.addCriteria(Criteria.where("updatedAt").gte(q.updatedSince()));
		}
		Sort sort = switch (q.sort()) {
			case "newest" -> Sort.by(Sort.Direction.DESC, "openedAt");
			case "oldest" -> Sort.by(Sort.Direction.ASC, "openedAt");
			default -> Sort.by(Sort.Direction.ASC, "sortDue").and(Sort.by(Sort.Direction.ASC, "openedAt"));
		};
		query.with(sort.and(Sort.by("_id"))).skip((long) q.page() * q.size()).limit(q.size() + 1);
		return this.mongo.find(query, FollowupCase.class);
	}

	/**
	 * Every case in one of the statuses, as a stream to be closed, without what a count
	 * of them needs not read: the customer's words and contact, notes, timeline, triage's
	 * reading, members, remedies and outbox.
	 */
	public Stream<FollowupCase> streamForCounts(Collection<CaseStatus> statuses, Duration readTime) {
		Query query = Query.query(Criteria.where("status").in(statuses)).maxTime(readTime);
		query.fields()
			.exclude("personal", "notes", "timeline", "triage", "memberCaseIds", "triageRemedies", "offeredRemedies",
					"appliedActions", "pendingEvents");
		return this.mongo.stream(query, FollowupCase.class);
	}

	private static void equal(Query query, String field, Object value) {
		if (value != null) {
			query.addCriteria(Criteria.where(field).is(value));
		}
	}

	/** The index of cases that may still hold unpublished events. */
	OutboxIndex outboxes() {
		return this.outboxes;
	}

	/** Removes published events from many cases' outboxes, in one bulk write. */
	void removePendingEvents(Map<String, List<String>> published) {
		UnorderedBulk.write(this.mongo, FollowupCase.class,
				published.entrySet()
					.stream()
					.<Consumer<BulkOperations>>map(
							(entry) -> (bulk) -> bulk.updateOne(Query.query(Criteria.where("_id").is(entry.getKey())),
									new Update().pullAll("pendingEvents", entry.getValue().toArray())))
					.toList());
	}

	/** Removes published events from a case's outbox. */
	void removePendingEvents(String caseId, List<String> published) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
				new Update().pullAll("pendingEvents", published.toArray()), FollowupCase.class);
	}

	/**
	 * Claims a case whose next reminder is due by {@code horizon}, atomically and only if
	 * no live lease holds it; one {@code findAndModify} on {@code _id}, answering only
	 * the timer fields.
	 * @return the claimed case's timer, or empty when it is not due or another instance
	 * holds it
	 */
	public Optional<CaseTimer> claimDue(String caseId, String owner, Instant now, Instant horizon, Instant leaseUntil) {
		Query query = timerFields(
				Query.query(Criteria.where("_id").is(caseId).and("leaseUntil").lt(now).and("nextFireAt").lte(horizon)));
		Update update = new Update().set("leaseOwner", owner).set("leaseUntil", leaseUntil).inc("version", 1);
		return Optional
			.ofNullable(this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
					FollowupCase.class))
			.map(CaseTimer::of);
	}

	/**
	 * A case's timer fields alone, read by {@code _id}; empty when there is no such case.
	 */
	public Optional<CaseTimer> findTimer(String caseId) {
		return Optional
			.ofNullable(
					this.mongo.findOne(timerFields(Query.query(Criteria.where("_id").is(caseId))), FollowupCase.class))
			.map(CaseTimer::of);
	}

	private static Query timerFields(Query query) {
		query.fields().include("nextFireAt", "leaseUntil");
		return query;
	}

	/**
	 * A case's timer: when its next reminder is due (null: none) and until when a lease
	 * holds it.
	 *
	 * @param caseId the case
	 * @param nextFireAt the earliest reminder due, or null
	 * @param leaseUntil the end of the lease
	 */
	public record CaseTimer(String caseId, Instant nextFireAt, Instant leaseUntil) {

		static CaseTimer of(FollowupCase projected) {
			return new CaseTimer(projected.getId(), projected.getNextFireAt(), projected.getLeaseUntil());
		}

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
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is(caseId).and("leaseOwner").is(owner)),
				new Update().set("leaseOwner", null).set("leaseUntil", Instant.EPOCH).inc("version", 1),
				FollowupCase.class);
	}

}
