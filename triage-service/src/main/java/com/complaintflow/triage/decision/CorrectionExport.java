package com.complaintflow.triage.decision;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.complaintflow.events.kafka.EventJson;
import com.complaintflow.support.mongo.StartupIndexes;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the corrections in force (the last word on each complaint's field) as the
 * training command's input, one JSON object a line, oldest first, streamed from the
 * database in two passes so that an export of any size holds only the corrections' ids in
 * memory, never their texts.
 */
@Component
class CorrectionExport {

	/** Corrections read per round trip to the database. */
	static final int BATCH = 200;

	/** The order of both passes: the last of a complaint's field in it is in force. */
	private static final Sort OLDEST_FIRST = Sort.by("correctedAt", "_id");

	private final MongoTemplate mongo;

	private final String collection;

	CorrectionExport(MongoTemplate mongo) {
		this.mongo = mongo;
		this.collection = mongo.getCollectionName(Correction.class);
		StartupIndexes.ensure(mongo, this.collection,
				new Index().on("correctedAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
	}

	/**
	 * Writes the export; a correction stored while it runs is in the next one.
	 * @param out where to, left open
	 * @throws IOException when the output fails (the client went away)
	 */
	void writeTo(OutputStream out) throws IOException {
		Set<String> inForce = inForceIds();
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		try (Stream<Correction> corrections = this.mongo.stream(new Query().with(OLDEST_FIRST).cursorBatchSize(BATCH),
				Correction.class)) {
			Iterator<Correction> each = corrections.iterator();
			while (each.hasNext()) {
				Correction correction = each.next();
				if (inForce.contains(correction.correctionId()) && correction.text() != null
						&& correction.language() != null) {
					writer.write(EventJson.mapper().writeValueAsString(line(correction)));
					writer.write('\n');
				}
			}
		}
		writer.flush();
	}

	/** The ids of the corrections in force: the last of each complaint's field. */
	private Set<String> inForceIds() {
		Query ids = new Query().with(OLDEST_FIRST).cursorBatchSize(BATCH);
		ids.fields().include("complaintId", "field");
		Map<String, String> latest = new HashMap<>();
		try (Stream<Document> documents = this.mongo.stream(ids, Document.class, this.collection)) {
			documents.forEach(
					(document) -> latest.put(document.getString("complaintId") + "\n" + document.getString("field"),
							String.valueOf(document.get("_id"))));
		}
		return new HashSet<>(latest.values());
	}

	private static Map<String, Object> line(Correction correction) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("complaintId", correction.complaintId());
		line.put("language", correction.language().name());
		line.put("text", correction.text());
		line.put("field", correction.field());
		line.put("value", correction.value());
		line.put("previousValue", correction.previousValue());
		line.put("correctedBy", correction.correctedBy());
		line.put("correctedAt", correction.correctedAt().toString());
		return line;
	}

}
