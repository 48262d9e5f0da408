package com.complaintflow.followup.console;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.complaintflow.events.DecisionCorrected;
import com.complaintflow.events.Topics;
import com.complaintflow.support.kafka.BatchRecords;
import com.complaintflow.support.mongo.StartupIndexes;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What staff said about triage's decisions, for the case page ({@code triage_checks}):
 * each {@code decision-corrected} triage publishes, whoever sent it (the console or the
 * API), kept as the last word on its complaint's field; an older event, re-delivered or
 * re-driven, never replaces a newer one.
 */
@Component
class TriageChecks {

	private final MongoTemplate mongo;

	TriageChecks(MongoTemplate mongo) {
		this.mongo = mongo;
		StartupIndexes.ensure(mongo, mongo.getCollectionName(TriageCheck.class),
				new Index("complaintId", Sort.Direction.ASC));
	}

	@KafkaListener(topics = Topics.CORRECTIONS, batch = "true")
	void on(List<ConsumerRecord<String, Object>> records) {
		for (ConsumerRecord<String, Object> record : records) {
			DecisionCorrected corrected;
			try {
				corrected = BatchRecords.event(record, DecisionCorrected.class);
			}
			catch (RuntimeException ex) {
				throw BatchRecords.failure("Cannot read the correction: " + ex.getMessage(), ex, record);
			}
			try {
				keep(corrected);
			}
			catch (RuntimeException ex) {
				throw BatchRecords.failure("Cannot keep the correction: " + ex.getMessage(), ex, record);
			}
		}
	}

	/** The last word of staff on each field of the complaint's decision, by field. */
	Map<String, TriageCheck> of(String complaintId) {
		return this.mongo.find(Query.query(Criteria.where("complaintId").is(complaintId)), TriageCheck.class)
			.stream()
			.collect(Collectors.toMap(TriageCheck::field, Function.identity()));
	}

	private void keep(DecisionCorrected corrected) {
		String id = corrected.complaintId() + ":" + corrected.field();
		Query olderOrNone = Query.query(Criteria.where("_id").is(id).and("at").lt(corrected.occurredAt()));
		Update update = new Update().set("complaintId", corrected.complaintId())
			.set("field", corrected.field())
			.set("value", corrected.correctedValue())
			.set("previousValue", corrected.previousValue())
			.set("role", corrected.correctedByRole())
			.set("at", corrected.occurredAt());
		try {
			this.mongo.upsert(olderOrNone, update, TriageCheck.class);
		}
		catch (DuplicateKeyException newerKept) {
			// the field's check is this one or a later one already
		}
	}

}
