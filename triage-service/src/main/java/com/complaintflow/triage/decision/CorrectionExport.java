package com.complaintflow.triage.decision;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.complaintflow.events.kafka.EventJson;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the corrections in force (the last word on each complaint's field) as the
 * training command's input, one JSON object a line, by complaint and field, streamed from
 * the database in one pass over the index of the correction in force, so that an export
 * of any size holds one correction at a time in memory.
 */
@Component
class CorrectionExport {

	/** Corrections read per round trip to the database. */
	static final int BATCH = 200;

	private final MongoTemplate mongo;

	CorrectionExport(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Writes the export; a correction stored while it runs may or may not be in it.
	 * @param out where to, left open
	 * @throws IOException when the output fails (the client went away)
	 */
	void writeTo(OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		Query newestFirst = new Query().with(CorrectionRecorder.NEWEST_FIRST_BY_FIELD).cursorBatchSize(BATCH);
		try (Stream<Correction> corrections = this.mongo.stream(newestFirst, Correction.class)) {
			Iterator<Correction> each = corrections.iterator();
			String previousField = null;
			while (each.hasNext()) {
				Correction correction = each.next();
				String field = correction.complaintId() + "\n" + correction.field();
				boolean inForce = !field.equals(previousField);
				previousField = field;
				if (inForce && correction.text() != null && correction.language() != null) {
					writer.write(EventJson.mapper().writeValueAsString(line(correction)));
					writer.write('\n');
				}
			}
		}
		writer.flush();
	}

	private static Map<String, Object> line(Correction correction) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("complaintId", correction.complaintId());
		line.put("language", correction.language().name());
		line.put("text", correction.text());
		line.put("field", correction.field());
		line.put("value", correction.value());
		line.put("previousValue", correction.previousValue());
		if (correction.suggestedValue() != null) {
			line.put("suggestedValue", correction.suggestedValue());
		}
		line.put("correctedBy", correction.correctedBy());
		line.put("correctedAt", correction.correctedAt().toString());
		return line;
	}

}
