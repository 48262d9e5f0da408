package com.complaintflow.triage.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.complaintflow.events.Language;
import com.complaintflow.support.mongo.StartupIndexes;
import com.complaintflow.triage.model.ModelRegistry;
import com.complaintflow.triage.model.ModelVersion;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * The labels staff gave that the models in force have not learned from: per language, the
 * complaints' fields corrected or confirmed since its model was trained, each once as the
 * export writes them, so that operations see when retraining is worth it.
 */
@Component
class UntrainedLabels {

	private final MongoTemplate mongo;

	private final ModelRegistry models;

	UntrainedLabels(MongoTemplate mongo, ModelRegistry models) {
		this.mongo = mongo;
		this.models = models;
		// counted every 5 minutes by each instance, over corrections that only grow: the
		// index reads a language's labels since the training, not every correction
		StartupIndexes.ensure(mongo, mongo.getCollectionName(Correction.class),
				new Index().on("language", Sort.Direction.ASC).on("correctedAt", Sort.Direction.ASC));
	}

	/** One count per language, in the order of the models' status. */
	List<Untrained> count() {
		List<Untrained> counts = new ArrayList<>();
		for (ModelRegistry.ModelStatus status : this.models.status()) {
			String version = "loaded".equals(status.state()) ? status.version() : null;
			Instant trainedAt = ModelVersion.trainedAt(version);
			counts.add(new Untrained(status.language(), version, trainedAt, labels(status.language(), trainedAt)));
		}
		return counts;
	}

	private long labels(Language language, Instant since) {
		Criteria exported = Criteria.where("language").is(language).and("text").ne(null);
		if (since != null) {
			exported = exported.and("correctedAt").gte(since);
		}
		Aggregation counting = Aggregation.newAggregation(Aggregation.match(exported),
				Aggregation.group("complaintId", "field"), Aggregation.count().as("labels"));
		Document counted = this.mongo.aggregate(counting, Correction.class, Document.class).getUniqueMappedResult();
		return (counted != null) ? ((Number) counted.get("labels")).longValue() : 0;
	}

	/**
	 * One language's labels not learned from.
	 *
	 * @param language the language
	 * @param modelVersion the model in force, or null where the rules decide alone
	 * @param trainedAt when it was trained (to the minute), or null: every label counts
	 * @param labels the complaints' fields staff corrected or confirmed since, each once
	 */
	record Untrained(Language language, String modelVersion, Instant trainedAt, long labels) {
	}

}
