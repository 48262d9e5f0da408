package com.complaintflow.triage.model.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.complaintflow.events.Language;
import tools.jackson.databind.JsonNode;

/**
 * Staff corrections as training examples: the JSON Lines that
 * {@code GET /api/v1/triage/corrections} exports (complaint id, language, text, field,
 * value, who, when); each labels one field of its text.
 */
public final class Corrections {

	private Corrections() {
	}

	/**
	 * Reads the export (one line per complaint's field); of several lines of one field
	 * (an export of an older version, oldest first) the last one is the label.
	 */
	public static List<LabelledExample> read(Path file) throws IOException {
		Map<String, LabelledExample> examples = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = LabelStore.json().readTree(line);
			String field = node.get("field").asString();
			String complaintId = node.get("complaintId").asString();
			examples.remove(complaintId + "\n" + field);
			examples.put(complaintId + "\n" + field,
					new LabelledExample("corrections", complaintId, Language.valueOf(node.get("language").asString()),
							node.get("text").asString(), Map.of(field, node.get("value").asString()), Map.of(), true,
							"correction:" + node.path("correctedBy").asString("")));
		}
		return new ArrayList<>(examples.values());
	}

}
