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
 * value, who, when, and the value the console suggested, if it did); each labels one
 * field of its text. It counts the labels that are the console's suggestion: a share far
 * above what a reader who knows the right value takes (the report's asking table) says
 * suggestions were taken unread, and training on them would teach the model its own
 * second guess.
 *
 * @param examples one per complaint's field
 * @param suggested the examples whose check the console suggested a value for
 * @param taken those whose label is the suggested value
 */
public record Corrections(List<LabelledExample> examples, int suggested, int taken) {

	/** No corrections. */
	public static final Corrections NONE = new Corrections(List.of(), 0, 0);

	public Corrections {
		examples = List.copyOf(examples);
	}

	/**
	 * Reads the export (one line per complaint's field); of several lines of one field
	 * (an export of an older version, oldest first) the last one is the label.
	 */
	public static Corrections read(Path file) throws IOException {
		Map<String, LabelledExample> examples = new LinkedHashMap<>();
		Map<String, Boolean> suggestionTaken = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode node = LabelStore.json().readTree(line);
			String field = node.get("field").asString();
			String complaintId = node.get("complaintId").asString();
			String key = complaintId + "\n" + field;
			String value = node.get("value").asString();
			String suggested = node.path("suggestedValue").asString(null);
			examples.remove(key);
			suggestionTaken.remove(key);
			if (suggested != null) {
				suggestionTaken.put(key, suggested.equals(value));
			}
			examples.put(key,
					new LabelledExample("corrections", complaintId, Language.valueOf(node.get("language").asString()),
							node.get("text").asString(), Map.of(field, value), Map.of(), true,
							"correction:" + node.path("correctedBy").asString("")));
		}
		int taken = (int) suggestionTaken.values().stream().filter(Boolean::booleanValue).count();
		return new Corrections(new ArrayList<>(examples.values()), suggestionTaken.size(), taken);
	}

	/** The share of the suggested examples whose label is the suggestion, or null. */
	public Double takenShare() {
		return (this.suggested == 0) ? null : (double) this.taken / this.suggested;
	}

}
