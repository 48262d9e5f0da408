package com.complaintflow.followup.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.complaintflow.support.mongo.StartupIndexes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The audit of contact reads ({@code contact_reads}): appended before any answer carries
 * a customer's contact, so no contact leaves the service unaudited; read newest first by
 * case, staff member and time.
 */
@Component
public class ContactReads {

	private final MongoTemplate mongo;

	private final Clock clock;

	ContactReads(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		StartupIndexes.ensure(mongo, mongo.getCollectionName(ContactRead.class),
				new Index("caseId", Sort.Direction.ASC).on("at", Sort.Direction.DESC),
				new Index("staffId", Sort.Direction.ASC).on("at", Sort.Direction.DESC),
				new Index("at", Sort.Direction.DESC));
	}

	/**
	 * Records that a staff member read a case's contact.
	 * @throws org.springframework.dao.DataAccessException when it cannot be written (the
	 * contact must then not be answered)
	 */
	public void record(String caseId, String staffId, String endpoint) {
		this.mongo.insert(new ContactRead(UUID.randomUUID().toString(), caseId, staffId,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), endpoint));
	}

	/**
	 * The reads matching the filters (null means any), newest first; one more than the
	 * page size is read to tell whether more follow.
	 */
	List<ContactRead> find(String caseId, String staffId, Instant from, Instant to, int page, int size) {
		Query query = new Query();
		if (caseId != null) {
			query.addCriteria(Criteria.where("caseId").is(caseId));
		}
		if (staffId != null) {
			query.addCriteria(Criteria.where("staffId").is(staffId));
		}
		if (from != null || to != null) {
			Criteria at = Criteria.where("at");
			if (from != null) {
				at = at.gte(from);
			}
			if (to != null) {
				at = at.lt(to);
			}
			query.addCriteria(at);
		}
		query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size + 1);
		return this.mongo.find(query, ContactRead.class);
	}

}
