package com.complaintflow.triage.model.training;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corrections export read as training examples, the last line of a field its label,
 * with the labels that are the console's suggestion counted.
 */
class CorrectionsTests {

	@TempDir
	Path dir;

	@Test
	void eachFieldsLastLineIsItsLabelAndTheSuggestionsTakenAreCounted() throws Exception {
		Path file = this.dir.resolve("corrections.jsonl");
		Files.writeString(file, String.join("\n", line("A", "category", "BILLING", "BILLING"),
				// a line superseded by the field's next one: its suggestion no longer
				// counts
				line("B", "category", "PRODUCT", "PRODUCT"), line("B", "category", "NETWORK", null),
				line("C", "playbook", "STANDARD_CARE", "BILLING_ERROR"), line("D", "persona", "VENTING", null), ""));

		Corrections corrections = Corrections.read(file);

		assertThat(corrections.examples()).extracting(LabelledExample::key).containsExactly("A", "B", "C", "D");
		assertThat(corrections.examples().get(1).label("category")).isEqualTo("NETWORK");
		assertThat(corrections.examples().get(0).source()).isEqualTo("correction:agent");
		assertThat(corrections.suggested()).isEqualTo(2);
		assertThat(corrections.taken()).isEqualTo(1);
		assertThat(corrections.takenShare()).isEqualTo(0.5);
		assertThat(Corrections.NONE.takenShare()).isNull();
		assertThat(TrainCommand.Report.suggestionsTaken(corrections))
			.startsWith("Of the 2 staff corrections in training the console had suggested a value for, 1 (50.0 %)");
	}

	private static String line(String complaintId, String field, String value, String suggested) {
		return "{\"complaintId\":\"" + complaintId + "\",\"language\":\"EN\",\"text\":\"the text\",\"field\":\"" + field
				+ "\",\"value\":\"" + value + "\",\"previousValue\":\"X\",\"correctedBy\":\"agent\""
				+ ((suggested != null) ? ",\"suggestedValue\":\"" + suggested + "\"" : "") + "}";
	}

}
